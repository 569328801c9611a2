package id.go.dukcapil.ikd.verification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.verification.config.VideoCallConfig;

class IceServersTest {

    private static final UUID CALL = UUID.fromString("5c0ffee0-0000-4000-8000-000000000001");
    /** Two hours before 2026-01-01T00:00:00Z (1767225600). */
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1767225600 - 7200), ZoneOffset.UTC);

    @Test
    void turnCredentialsFollowTheTurnRestConventionOfCoturn() {
        List<IceServers.IceServer> servers = new IceServers(config(Optional.of(List.of("stun:stun.example.go.id:3478")),
                Optional.of(List.of("turn:turn.example.go.id:3478?transport=udp")), Optional.of("test-turn-secret")), CLOCK)
                .forCall(CALL);
        assertThat(servers).hasSize(2);
        assertThat(servers.get(0).urls()).containsExactly("stun:stun.example.go.id:3478");
        assertThat(servers.get(0).username()).isNull();
        assertThat(servers.get(1).username()).isEqualTo("1767225600:" + CALL);
        // computed apart: base64(HMAC-SHA1("test-turn-secret", username)), as coturn's use-auth-secret checks it
        assertThat(servers.get(1).credential()).isEqualTo("x1gvCAGzmxHEHOmevE4Fo28XqJ0=");
    }

    @Test
    void withoutConfigurationTheBrowsersUseTheirOwnAddressesOnlyAndATurnWithoutSecretIsLeftOut() {
        assertThat(new IceServers(config(Optional.empty(), Optional.empty(), Optional.empty()), CLOCK).forCall(CALL)).isEmpty();
        assertThat(new IceServers(config(Optional.empty(), Optional.of(List.of("turn:t:3478")), Optional.empty()), CLOCK)
                .forCall(CALL)).isEmpty();
    }

    private static VideoCallConfig config(Optional<List<String>> stun, Optional<List<String>> turnUrls, Optional<String> secret) {
        return new VideoCallConfig() {
            @Override
            public Optional<List<String>> stunUrls() {
                return stun;
            }

            @Override
            public Turn turn() {
                return new Turn() {
                    @Override
                    public Optional<List<String>> urls() {
                        return turnUrls;
                    }

                    @Override
                    public Optional<String> secret() {
                        return secret;
                    }

                    @Override
                    public Duration credentialLifetime() {
                        return Duration.ofHours(2);
                    }
                };
            }

            @Override
            public Duration noShowAfter() {
                return Duration.ofMinutes(2);
            }

            @Override
            public int maxSignalBytes() {
                return 16384;
            }

            @Override
            public int maxSignalsPerCall() {
                return 400;
            }

            @Override
            public int requestsPerAddress() {
                return 60;
            }

            @Override
            public Duration requestWindow() {
                return Duration.ofMinutes(10);
            }

            @Override
            public int streamsPerSide() {
                return 4;
            }

            @Override
            public Stills stills() {
                throw new UnsupportedOperationException("ICE servers do not read the stills' settings");
            }
        };
    }
}
