package id.go.dukcapil.ikd.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Passes every request to a method marked {@link Admitted} through its gate. The place is taken
 * once the body has arrived (so a slow upload holds no place) and given back when the response
 * has been sent or the connection closed, whichever comes first.
 */
public class AdmissionFilter {

    private final AdmissionGates gates;
    private final Map<Method, Optional<String>> gateOf = new ConcurrentHashMap<>();

    public AdmissionFilter(AdmissionGates gates) {
        this.gates = gates;
    }

    /**
     * Before the body is read: when the gate is full (every place and the queue taken), the request
     * is refused at once, so an overload does not pay for receiving and parsing uploads it will
     * refuse anyway (multipart parts are written to disk).
     */
    @ServerRequestFilter
    public void refuseWhenFull(ResourceInfo resource) {
        Optional<String> gate = gateOf(resource);
        if (gate.isPresent()) {
            Optional<ProblemException> refusal = gates.named(gate.get()).refusalWhenFull();
            if (refusal.isPresent()) {
                throw refusal.get();
            }
        }
    }

    @ServerRequestFilter(readBody = true)
    public Uni<Void> admit(ResourceInfo resource, RoutingContext routing) {
        Optional<String> gate = gateOf(resource);
        if (gate.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return gates.named(gate.get()).enter()
                .invoke(pass -> {
                    routing.addEndHandler(ended -> pass.release());
                    if (routing.response().ended() || routing.response().closed()) {
                        pass.release(); // the client left while it waited: no end will be signalled
                    }
                })
                .replaceWithVoid();
    }

    private Optional<String> gateOf(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        return method == null ? Optional.empty()
                : gateOf.computeIfAbsent(method, m -> Optional.ofNullable(m.getAnnotation(Admitted.class))
                        .map(Admitted::value));
    }
}
