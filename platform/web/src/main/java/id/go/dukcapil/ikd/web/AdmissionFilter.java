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

    @ServerRequestFilter(readBody = true)
    public Uni<Void> admit(ResourceInfo resource, RoutingContext routing) {
        Method method = resource.getResourceMethod();
        Optional<String> gate = method == null ? Optional.empty()
                : gateOf.computeIfAbsent(method, m -> Optional.ofNullable(m.getAnnotation(Admitted.class))
                        .map(Admitted::value));
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
}
