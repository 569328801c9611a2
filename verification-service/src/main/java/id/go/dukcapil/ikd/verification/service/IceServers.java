package id.go.dukcapil.ikd.verification.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.config.VideoCallConfig;

/**
 * The ICE servers a call's two browsers get. TURN credentials follow the TURN REST convention that
 * coturn implements ({@code use-auth-secret}): the username is the credential's expiry (Unix seconds)
 * and the call id, the password its HMAC-SHA1 under the secret shared with the TURN server. So a
 * credential is good for one call and a few hours, and the suite keeps no TURN accounts.
 */
@ApplicationScoped
public class IceServers {

    /** One entry of {@code RTCConfiguration.iceServers}. */
    public record IceServer(List<String> urls, String username, String credential) {
    }

    private final VideoCallConfig config;
    private final Clock clock;

    public IceServers(VideoCallConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public List<IceServer> forCall(UUID callId) {
        List<IceServer> servers = new ArrayList<>();
        config.stunUrls().filter(urls -> !urls.isEmpty()).ifPresent(urls -> servers.add(new IceServer(urls, null, null)));
        config.turn().urls().filter(urls -> !urls.isEmpty()).ifPresent(urls -> config.turn().secret().ifPresent(secret -> {
            long expires = clock.instant().plus(config.turn().credentialLifetime()).getEpochSecond();
            String username = expires + ":" + callId;
            servers.add(new IceServer(urls, username, turnPassword(secret, username)));
        }));
        return servers;
    }

    static String turnPassword(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
