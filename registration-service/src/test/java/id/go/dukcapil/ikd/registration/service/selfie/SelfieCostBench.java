package id.go.dukcapil.ikd.registration.service.selfie;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.registration.CpuSamples;
import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.testing.BenchmarkJvm;
import id.go.dukcapil.ikd.testing.HostileImages;
import id.go.dukcapil.ikd.testing.PhoneSelfie;
import id.go.dukcapil.ikd.web.images.BaselineJpeg;
import id.go.dukcapil.ikd.web.images.ImageGuard;

/**
 * Not a test: the CPU cost of storing one selfie, before (decode + re-encode) and after (decode +
 * lossless rewrite), for the load harness' 720×960 JPEG of about 50 KB, on one thread, and the
 * registrations one core serves from it. Prints figures, asserts nothing about speed. Run with
 * <pre>
 * ./mvnw -B -o -pl registration-service -am test -Pbench -Dtest=SelfieCostBench -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * {@code -Dbench.rest-ms=…} sets the CPU of a registration outside the image (HTTP, multipart,
 * the transaction, Kafka, crypto); its default, 30.4 ms, is docs/performance.md's profile estimate.
 * The figures also go to {@code registration-service/target/selfie-bench.txt}.
 */
class SelfieCostBench {

    private final List<String> report = new ArrayList<>();

    @Test
    void run() throws IOException {
        double warmUpSeconds = Double.parseDouble(System.getProperty("bench.warm-up-s", "4"));
        double measureSeconds = Double.parseDouble(System.getProperty("bench.measure-s", "20"));
        double restMs = Double.parseDouble(System.getProperty("bench.rest-ms", "30.4"));
        line("selfie cost benchmark, %s, JDK %s, %d cores, JVM flags %s", Instant.now(), Runtime.version(),
                Runtime.getRuntime().availableProcessors(), BenchmarkJvm.requireFullJit());
        line("load: %s", uptime());

        SelfieInspector inspector = new SelfieInspector(config(), null);
        byte[] selfie = PhoneSelfie.jpeg();
        byte[] withMetadata = HostileImages.withPrivateMetadata(selfie);
        line("selfie: %d×%d JPEG, %,d bytes (%,d with EXIF GPS, a comment and appended bytes)", PhoneSelfie.WIDTH,
                PhoneSelfie.HEIGHT, selfie.length, withMetadata.length);
        if (BaselineJpeg.withoutMetadata(withMetadata).isEmpty()) {
            throw new IllegalStateException("the harness' selfie is not a plain baseline JPEG");
        }

        List<Supplier<?>> variants = List.of(
                () -> ImageGuard.decode(withMetadata, inspector.policy()),
                () -> SelfieInspector.reencode(ImageGuard.decode(withMetadata, inspector.policy())),
                () -> inspector.inspect(withMetadata),
                () -> BaselineJpeg.withoutMetadata(withMetadata),
                () -> ImageGuard.decode(withMetadata, inspector.policy(), ImageGuard.Purpose.PROVE));
        for (Supplier<?> variant : variants) {
            CpuSamples.cpuMs(variant, warmUpSeconds);
        }
        // rounds in turn, so that a change in the machine's load falls on every variant alike
        int rounds = Integer.getInteger("bench.rounds", 5);
        double[][] samples = new double[variants.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int v = 0; v < variants.size(); v++) {
                samples[v][round] = CpuSamples.cpuMs(variants.get(v), measureSeconds / rounds);
            }
        }
        double decode = CpuSamples.median(samples[0]);
        double before = CpuSamples.median(samples[1]);
        double after = CpuSamples.median(samples[2]);
        double rewrite = CpuSamples.median(samples[3]);
        double proof = CpuSamples.median(samples[4]);

        line("CPU per selfie, one thread, median of %d rounds (ms; the rounds' range in brackets):", rounds);
        line("  decode alone (ImageGuard, colour)         %8.3f %s", decode, CpuSamples.range(samples[0]));
        line("  decode as proof only (grey)               %8.3f %s", proof, CpuSamples.range(samples[4]));
        line("  before: decode + re-encode (ImageIO q0.9) %8.3f %s", before, CpuSamples.range(samples[1]));
        line("  after:  proof decode + lossless rewrite   %8.3f %s", after, CpuSamples.range(samples[2]));
        line("  the rewrite alone                         %8.4f %s", rewrite, CpuSamples.range(samples[3]));
        line("  saved per selfie                          %8.3f (%.0f %%)", before - after, 100 * (before - after) / before);
        line("registrations per core (CPU), with %.1f ms of CPU outside the image per registration:", restMs);
        line("  before %6.1f /s, after %6.1f /s; the image alone bounds it at %,.0f /s before, %,.0f /s after",
                1000 / (restMs + before), 1000 / (restMs + after), 1000 / before, 1000 / after);
        line("load: %s", uptime());
        Path out = Path.of("target", "selfie-bench.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private static String uptime() {
        try {
            Process process = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            return new String(process.getInputStream().readAllBytes()).trim();
        } catch (IOException e) {
            try {
                return "loadavg " + Files.readString(Path.of("/proc/loadavg")).trim();
            } catch (IOException unreadable) {
                return "unknown";
            }
        }
    }

    /** The selfie limits at their defaults; nothing else of the configuration is read. */
    private static RegistrationConfig config() {
        RegistrationConfig.Selfie limits = new RegistrationConfig.Selfie() {
            @Override
            public int maxBytes() {
                return 2097152;
            }

            @Override
            public int maxSide() {
                return 4096;
            }

            @Override
            public long maxPixels() {
                return 12582912;
            }

            @Override
            public int maxBitsPerChannel() {
                return 8;
            }

            @Override
            public int storedLongSide() {
                return 1600;
            }

            @Override
            public int minSide() {
                return 240;
            }

            @Override
            public boolean livenessRequired() {
                return false;
            }

            @Override
            public id.go.dukcapil.ikd.registration.config.LivenessConfig liveness() {
                throw new UnsupportedOperationException("liveness");
            }
        };
        return (RegistrationConfig) Proxy.newProxyInstance(SelfieCostBench.class.getClassLoader(),
                new Class<?>[] { RegistrationConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("selfie")) {
                        return limits;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        report.add(text);
    }
}
