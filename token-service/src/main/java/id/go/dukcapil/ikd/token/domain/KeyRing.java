package id.go.dukcapil.ikd.token.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The published signing keys as one replica last read them from the database: immutable, swapped
 * whole on refresh. A key missing here is unknown: its tokens are refused with UNKNOWN_KEY.
 */
public record KeyRing(List<SigningKey> keys, Map<String, SigningKey> byKid, Instant loadedAt) {

    public static KeyRing of(List<SigningKey> keys, Instant loadedAt) {
        List<SigningKey> newestFirst = keys.stream()
                .sorted(Comparator.comparing(SigningKey::activeFrom).reversed()).toList();
        return new KeyRing(newestFirst,
                newestFirst.stream().collect(Collectors.toUnmodifiableMap(SigningKey::kid, Function.identity())),
                loadedAt);
    }

    public static KeyRing empty() {
        return new KeyRing(List.of(), Map.of(), Instant.EPOCH);
    }

    /** The key that signs now: the newest one whose signing period has begun and not ended. */
    public Optional<SigningKey> signer(Instant now) {
        return keys.stream().filter(key -> key.signsAt(now)).findFirst();
    }

    /**
     * The ring to keep of this one and {@code fresh}: the one read later. Reloads run concurrently
     * (the scheduled refresh, a rotation, a miss); one that started before a key was created can
     * end after the reload that saw it, and must not put the older view back.
     */
    public KeyRing newerOf(KeyRing fresh) {
        return fresh.loadedAt.isBefore(loadedAt) ? this : fresh;
    }

    public Optional<SigningKey> find(String kid) {
        return Optional.ofNullable(byKid.get(kid));
    }
}
