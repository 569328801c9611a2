package id.go.dukcapil.ikd.registration.service.ratelimit;

import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import id.go.dukcapil.ikd.messaging.RateLimitBucketKey;
import id.go.dukcapil.ikd.registration.config.RegistrationConfig;

/** The rate-limit counters' names are keyed hashes, under a key derived from the selfie key (a secret already outside the database). */
@ApplicationScoped
public class RateLimitKeys {

    @Produces
    @Singleton
    RateLimitBucketKey bucketKey(RegistrationConfig config) {
        return RateLimitBucketKey.derivedFrom(Base64.getDecoder().decode(config.selfieKey()), "registration-service");
    }
}
