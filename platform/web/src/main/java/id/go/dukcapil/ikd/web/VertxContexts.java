package id.go.dukcapil.ikd.web;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The one way the suite comes back to a Vert.x context after work elsewhere (a worker thread, a
 * bulkhead, another request's group commit): Hibernate Reactive and the reactive SQL client must
 * continue on the context that opened the session. Outside any context (a plain test thread) the
 * work simply continues where it is.
 */
public final class VertxContexts {

    private VertxContexts() {
    }

    /** An executor that continues on the caller's current context: inline when already there. */
    public static Executor current() {
        return on(Vertx.currentContext());
    }

    /** An executor that continues on {@code context}: inline when already there or when it is null. */
    public static Executor on(Context context) {
        if (context == null) {
            return Runnable::run;
        }
        return command -> {
            if (Vertx.currentContext() == context) {
                command.run();
            } else {
                context.runOnContext(ignored -> command.run());
            }
        };
    }

    /**
     * Runs blocking {@code work} on the worker pool and emits its result on the caller's context.
     * Unbounded: CPU-heavy work on data a stranger sends goes through a {@link Bulkhead} instead.
     */
    public static <T> Uni<T> onWorker(Supplier<T> work) {
        Executor back = current();
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).emitOn(back);
    }
}
