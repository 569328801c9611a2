package id.go.dukcapil.ikd.verification.service;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import id.go.dukcapil.ikd.messaging.RateLimitBucketKey;
import id.go.dukcapil.ikd.verification.config.VerificationConfig;

/**
 * The rate-limit counters' names are keyed hashes, under a key derived from the complaint form's
 * captcha key (a secret already outside the database; derived with a label of its own, never the
 * captcha key itself).
 */
@ApplicationScoped
public class RateLimitKeys {

    @Produces
    @Singleton
    RateLimitBucketKey bucketKey(VerificationConfig config) {
        return RateLimitBucketKey.derivedFrom(config.complaints().captchaKey().getBytes(StandardCharsets.UTF_8),
                "verification-service");
    }
}
