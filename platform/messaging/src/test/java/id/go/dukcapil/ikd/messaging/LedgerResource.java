package id.go.dukcapil.ikd.messaging;

import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.smallrye.mutiny.Uni;

@Path("/test/withdrawals/{registrationId}")
public class LedgerResource {

    private final LedgerService service;

    public LedgerResource(LedgerService service) {
        this.service = service;
    }

    @POST
    public Uni<String> withdraw(@PathParam("registrationId") UUID registrationId) {
        return service.withdraw(registrationId, false).map(UUID::toString);
    }
}
