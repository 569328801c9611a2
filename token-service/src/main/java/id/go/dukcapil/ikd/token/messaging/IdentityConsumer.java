package id.go.dukcapil.ikd.token.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.IdentityActivatedV2;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.events.IdentityRevokedV2;
import id.go.dukcapil.ikd.messaging.EventRouter;
import id.go.dukcapil.ikd.messaging.IdempotentConsumer;
import id.go.dukcapil.ikd.token.mapping.IdentityMapper;
import id.go.dukcapil.ikd.token.service.IdentityProjectionService;
import io.smallrye.mutiny.Uni;

/**
 * ikd.identity → the projection of who may get a QR token. Reads both contract versions while
 * activation-service moves from {@code .v1} to {@code .v2}: a v1 is trimmed to the v2 it would have been.
 */
@ApplicationScoped
public class IdentityConsumer {

    private final IdempotentConsumer consumer;
    private final EventRouter router;

    public IdentityConsumer(IdempotentConsumer consumer, IdentityProjectionService projection) {
        this.consumer = consumer;
        this.router = EventRouter.forConsumer("identity-projection")
                .on(IdentityActivated.class, event -> projection.onActivated(IdentityMapper.trimmed(event)))
                .on(IdentityActivatedV2.class, projection::onActivated)
                .on(IdentityRevoked.class, event -> projection.onRevoked(event.withoutContact()))
                .on(IdentityRevokedV2.class, projection::onRevoked)
                .build();
    }

    @Incoming("identity-in")
    Uni<Void> onIdentity(Message<String> message) {
        return consumer.process(message, router);
    }
}
