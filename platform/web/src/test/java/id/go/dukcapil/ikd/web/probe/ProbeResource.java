package id.go.dukcapil.ikd.web.probe;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.smallrye.mutiny.Uni;

/** Endpoints shaped like the services' own (JSON, form, multipart, path), for BadInputTest. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public enum Colour {
        RED, GREEN
    }

    public record Inner(String label, int count) {
    }

    public record Body(@NotBlank @Size(max = 64) String name, int count, Colour colour, Inner inner,
            List<String> tags) {
    }

    @POST
    @Path("/json")
    @Consumes(MediaType.APPLICATION_JSON)
    public Body json(@Valid @NotNull Body body) {
        return body;
    }

    @POST
    @Path("/uni")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Body> uni(@Valid @NotNull Body body) {
        return Uni.createFrom().item(body);
    }

    @POST
    @Path("/form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Map<String, String> form(@FormParam("name") String name, @FormParam("other") String other) {
        return Map.of("name", String.valueOf(name));
    }

    /** Uni endpoints have their form read on the event loop, where parser failures bypass the mappers. */
    @POST
    @Path("/form-uni")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Map<String, String>> formUni(@FormParam("name") String name) {
        return Uni.createFrom().item(Map.of("name", String.valueOf(name)));
    }

    @POST
    @Path("/multipart-uni")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Map<String, Object>> multipartUni(@RestForm("name") String name, @RestForm("file") FileUpload file) {
        return Uni.createFrom().item(multipart(name, file));
    }

    @POST
    @Path("/multipart")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Map<String, Object> multipart(@RestForm("name") String name, @RestForm("file") FileUpload file) {
        return Map.of("name", String.valueOf(name), "size", file == null ? -1 : file.size());
    }

    @GET
    @Path("/items/{id}")
    public Map<String, String> item(@PathParam("id") String id, @QueryParam("q") String q) {
        return Map.of("id", id, "q", String.valueOf(q));
    }
}
