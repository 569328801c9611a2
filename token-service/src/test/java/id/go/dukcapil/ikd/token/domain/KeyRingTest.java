package id.go.dukcapil.ikd.token.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Reloads of the key ring run side by side (the scheduled refresh, a rotation): a token-service
 * once failed its start because a refresh that had read the keys before the first one was created
 * finished last and put the empty ring back.
 */
class KeyRingTest {

    private static final Instant T0 = Instant.parse("2026-12-04T23:07:00Z");

    @Test
    void aRingReadEarlierNeverReplacesOneReadLater() {
        KeyRing readLater = KeyRing.of(List.of(key("new")), T0.plusMillis(30));
        KeyRing readEarlier = KeyRing.of(List.of(), T0);

        assertThat(readLater.newerOf(readEarlier)).isSameAs(readLater);
        assertThat(readLater.newerOf(readEarlier).find("new")).isPresent();
    }

    @Test
    void aRingReadLaterReplacesTheOneHeld() {
        KeyRing held = KeyRing.of(List.of(key("old")), T0);
        KeyRing fresh = KeyRing.of(List.of(key("old"), key("new")), T0.plusSeconds(10));

        assertThat(held.newerOf(fresh)).isSameAs(fresh);
        assertThat(KeyRing.empty().newerOf(fresh)).isSameAs(fresh);
    }

    private static SigningKey key(String kid) {
        return new SigningKey(kid, null, null, T0, T0, null);
    }
}
