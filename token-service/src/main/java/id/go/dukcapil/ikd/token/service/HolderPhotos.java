package id.go.dukcapil.ikd.token.service;

import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.domain.VerificationResult;
import id.go.dukcapil.ikd.web.RegistryPhotoClient;
import id.go.dukcapil.ikd.web.RegistryPhotoRequests;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * The holder's registry photo for a relying party whose answer released {@code ikd.photo}: fetched
 * from verification-service by the registration the identity projection names (never from the
 * QR), and shown only when its SHA-256 is the one the projection holds. The photo is not stored
 * here. A failure costs the photo, never the verdict: the answer says the photo is unavailable.
 */
@ApplicationScoped
public class HolderPhotos {

    private static final Logger LOG = Logger.getLogger(HolderPhotos.class);

    /** {@code dataUri} for an {@code img} element; null unless {@code status} is SHOWN. */
    public record HolderPhoto(Status status, String contentType, String dataUri) {

        static HolderPhoto missing(Status status) {
            return new HolderPhoto(status, null, null);
        }
    }

    public enum Status {
        SHOWN,
        /** verification-service did not answer, or the image did not match the projection's digest. */
        UNAVAILABLE
    }

    private final RegistryPhotoClient client;
    private final TokenConfig config;
    private final Clock clock;
    private final MeterRegistry registry;

    public HolderPhotos(@RestClient RegistryPhotoClient client, TokenConfig config, Clock clock, MeterRegistry registry) {
        this.client = client;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
    }

    /** Empty when the answer did not release the photo (a name-only client, a code without it). */
    public Uni<Optional<HolderPhoto>> of(VerificationResult result) {
        if (!result.photoReleased()) {
            return Uni.createFrom().item(Optional.empty());
        }
        VerificationResult.Holder holder = result.holder();
        return client.photo(holder.registrationId(), RegistryPhotoRequests.grant("token-service", holder.registrationId(),
                "relying-party", clock.instant()))
                .ifNoItem().after(config.registryPhotoTimeout()).fail()
                .map(response -> RegistryPhotoRequests.accepted(response, holder.photoSha256())
                        .map(photo -> new HolderPhoto(Status.SHOWN, photo.mediaType(),
                                "data:" + photo.mediaType() + ";base64," + Base64.getEncoder().encodeToString(photo.content())))
                        .orElseGet(() -> {
                            LOG.warnf("registry photo of verification %s refused: verification-service answered %d, not an "
                                    + "image of the projection's digest", result.reference(), response.getStatus());
                            return HolderPhoto.missing(Status.UNAVAILABLE);
                        }))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("registry photo of verification %s unavailable: %s", result.reference(), e.getClass().getSimpleName());
                    return HolderPhoto.missing(Status.UNAVAILABLE);
                })
                .invoke(photo -> registry.counter("ikd.token.holder.photos", "status", photo.status().name()).increment())
                .map(Optional::of);
    }
}
