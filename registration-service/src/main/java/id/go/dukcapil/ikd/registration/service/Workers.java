package id.go.dukcapil.ikd.registration.service;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

import id.go.dukcapil.ikd.web.VertxContexts;

/** Blocking or CPU-heavy work off the event loop, then back onto the caller's Vert.x context. */
final class Workers {

    private Workers() {
    }

    /**
     * Runs {@code work} on the worker pool. The result is emitted on the caller's context, where
     * Hibernate Reactive must continue.
     */
    static <T> Uni<T> run(Supplier<T> work) {
        return VertxContexts.onWorker(work);
    }
}
