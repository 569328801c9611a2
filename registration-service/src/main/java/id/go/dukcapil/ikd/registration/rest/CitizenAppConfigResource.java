package id.go.dukcapil.ikd.registration.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.registration.config.CitizenAppConfig;
import id.go.dukcapil.ikd.registration.config.RegistrationConfig;

/** Tells the citizen web app at {@code /app} where activation-service and token-service are. */
@Path("/app/config.json")
@Tag(name = "Citizen app", description = "Aplikasi warga di peramban / Citizen app in the browser")
public class CitizenAppConfigResource {

    /** The base URLs the app calls, without a trailing slash. */
    @Schema(example = """
            {"activationUrl": "https://api.ikd.example.go.id", "tokenUrl": "https://api.ikd.example.go.id",
             "pagesUrl": "https://api.ikd.example.go.id", "livenessRequired": true}""")
    public record CitizenAppSettings(String activationUrl, String tokenUrl, String pagesUrl, boolean livenessRequired) {
    }

    private final CitizenAppSettings settings;

    public CitizenAppConfigResource(CitizenAppConfig config, RegistrationConfig registration) {
        this.settings = new CitizenAppSettings(withoutTrailingSlash(config.activationUrl()),
                withoutTrailingSlash(config.tokenUrl()), withoutTrailingSlash(config.pagesUrl()),
                registration.selfie().livenessRequired());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Settings of the citizen web app", description = "Base URLs of activation-service, token-service and the public pages (office directory, complaints); "
            + "whether the moving selfie is required (then the app offers no still photo).")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CitizenAppSettings.class)))
    public CitizenAppSettings settings() {
        return settings;
    }

    static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
