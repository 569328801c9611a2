package id.go.dukcapil.ikd.notification.service;

import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import id.go.dukcapil.ikd.web.VertxContexts;

/**
 * Vert.x contexts for dispatcher rounds. A round started by a commit signal runs outside any
 * request, so it gets a fresh duplicated context of its own (marked safe for Hibernate Reactive,
 * as Quarkus marks a request's), and continues there after each send.
 */
@ApplicationScoped
class DispatchContexts {

    private final Vertx vertx;

    DispatchContexts(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Runs {@code work} on a new duplicated context. */
    void run(Runnable work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.run());
    }

    /** An executor that continues on the current context. */
    Executor current() {
        if (Vertx.currentContext() == null) {
            throw new IllegalStateException("the dispatcher runs on a Vert.x context");
        }
        return VertxContexts.current();
    }
}
