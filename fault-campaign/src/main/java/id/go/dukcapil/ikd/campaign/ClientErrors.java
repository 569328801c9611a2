package id.go.dukcapil.ikd.campaign;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** What the clients were answered other than success, counted by status and problem code ("503 SERVICE_UNAVAILABLE", "connection failed"). */
final class ClientErrors {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(String kind) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((kind, count) -> sorted.put(kind, count.sum()));
        return sorted;
    }

    /** "none", or e.g. "52 × 503 SERVICE_UNAVAILABLE, 3 × connection failed". */
    String describe() {
        Map<String, Long> snapshot = snapshot();
        if (snapshot.isEmpty()) {
            return "none";
        }
        return snapshot.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getValue() + " × " + e.getKey()).collect(Collectors.joining(", "));
    }
}
