package id.go.dukcapil.ikd.verification.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.verification.domain.Resident;
import io.smallrye.mutiny.Uni;

/** The default batch of names, as a registry adapter without a batch call answers it: single look-ups, few at once. */
class PopulationRegistryNamesTest {

    private static final class Registry implements PopulationRegistry {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Uni<Optional<Resident>> find(String nik) {
            return Uni.createFrom().item(nik).invoke(() -> {
                calls.incrementAndGet();
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            }).onItem().delayIt().by(Duration.ofMillis(5)).invoke(() -> inFlight.decrementAndGet())
                    .map(n -> n.endsWith("9") ? Optional.empty() : Optional.of(new Resident(n, "WARGA " + n, "X",
                            LocalDate.EPOCH, "LAKI-LAKI", "", "", "", "", "", "", "", "", "", "", "WNI", "PRINTED",
                            "ALIVE", "RESIDENT", "")));
        }

        @Override
        public Uni<Optional<RegistryPhoto>> photo(String nik) {
            return Uni.createFrom().item(Optional.empty());
        }
    }

    @Test
    void namesOfKnownNiksAtMostEightLookUpsAtOnceEachNikOnce() {
        Registry registry = new Registry();
        List<String> niks = IntStream.range(0, 40).mapToObj(i -> String.format("63050417088500%02d", i)).toList();
        List<String> twice = new java.util.ArrayList<>(niks);
        twice.addAll(niks);
        Map<String, String> names = registry.names(twice).await().atMost(Duration.ofSeconds(10));
        assertThat(names).hasSize(36).containsEntry("6305041708850001", "WARGA 6305041708850001")
                .doesNotContainKey("6305041708850009");
        assertThat(registry.calls.get()).isEqualTo(40);
        assertThat(registry.most.get()).isBetween(1, 8);
        assertThat(registry.names(List.of()).await().indefinitely()).isEmpty();
    }
}
