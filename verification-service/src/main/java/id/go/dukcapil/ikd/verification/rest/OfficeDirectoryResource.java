package id.go.dukcapil.ikd.verification.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.verification.rest.DirectoryViews.OfficeEntry;
import id.go.dukcapil.ikd.verification.service.OfficeDirectory;
import id.go.dukcapil.ikd.web.ClientAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The public office directory as JSON: no login, limited per client address. */
@Path("/api/v1/offices")
@Tag(name = "Office directory (public)")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class OfficeDirectoryResource {

    private final OfficeDirectory directory;

    public OfficeDirectoryResource(OfficeDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Operation(summary = "Offices by name (q) and/or area code (area: 63, 63.05 or 63.05.04; lists the offices in it and the one covering it)")
    @APIResponse(responseCode = "200", description = "The matching offices with time zone, hours and complaint channels")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: not an area code, or q too long (problem+json)")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED with Retry-After (problem+json)")
    public Uni<List<OfficeEntry>> search(@QueryParam("q") @Size(max = 100) String q,
            @QueryParam("area") @Size(max = 12) String area, @Context HttpServerRequest request) {
        return directory.search(new OfficeDirectory.Query(q, area), ClientAddress.of(request))
                .map(list -> list.stream().map(DirectoryViews::entry).toList());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One office of the directory")
    @APIResponse(responseCode = "200", description = "The office")
    @APIResponse(responseCode = "404", description = "OFFICE_NOT_FOUND (problem+json)")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED with Retry-After (problem+json)")
    public Uni<OfficeEntry> office(@PathParam("code") @Pattern(regexp = "^[0-9A-Z][0-9A-Z-]{2,39}$") String code,
            @Context HttpServerRequest request) {
        return directory.office(code, ClientAddress.of(request)).map(DirectoryViews::entry);
    }

}
