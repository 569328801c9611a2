package id.go.dukcapil.ikd.activation.crypto;

import java.lang.management.ManagementFactory;
import java.util.function.BooleanSupplier;

import id.go.dukcapil.ikd.crypto.Argon2Hasher;
import id.go.dukcapil.ikd.crypto.Argon2id;

/**
 * What one app-PIN check costs, keyed hash against the Argon2id it replaces: CPU time and bytes
 * allocated per check on one thread (after a warm-up). Run it with
 * {@code ./mvnw -B -ntp -o -pl activation-service -am test-compile} and then
 * {@code java -cp "activation-service/target/test-classes:activation-service/target/classes:$(cat cp.txt)"
 * id.go.dukcapil.ikd.activation.crypto.AppPinCheckBenchmark} (cp.txt from {@code dependency:build-classpath});
 * the figures are in docs/performance.md, "App PIN check".
 */
public final class AppPinCheckBenchmark {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AppPinCheckBenchmark() {
    }

    public static void main(String[] args) {
        AppPinHasher hasher = new AppPinHasher(AppPinHasherTest.config(AppPinHasherTest.randomKey()), null);
        String keyed = hasher.hash("583920");
        String legacy = Argon2id.encode("583920", new byte[16], Argon2id.Parameters.OWASP_MINIMUM);

        measure("keyed hash (HMAC-SHA256), check", 200_000, 20_000,
                () -> hasher.verify("583920", keyed).await().indefinitely().matches());
        measure("keyed hash (HMAC-SHA256), new hash", 200_000, 20_000, () -> hasher.hash("583920").length() > 0);
        measure("Argon2id m=19 MiB t=2 p=1, check (legacy)", 40, 5, () -> Argon2id.verify("583920", legacy,
                Argon2Hasher.ceilingFor(Argon2id.Parameters.OWASP_MINIMUM)));
    }

    private static void measure(String name, int runs, int warmUp, BooleanSupplier check) {
        for (int i = 0; i < warmUp; i++) {
            if (!check.getAsBoolean()) {
                throw new AssertionError(name + ": the right PIN did not match");
            }
        }
        long thread = Thread.currentThread().threadId();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long bytesBefore = THREADS.getThreadAllocatedBytes(thread);
        long wallBefore = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            check.getAsBoolean();
        }
        long wall = System.nanoTime() - wallBefore;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        long bytes = THREADS.getThreadAllocatedBytes(thread) - bytesBefore;
        System.out.printf("[bench] %-45s %9d runs  CPU %10.1f µs/check  wall %10.1f µs/check  allocated %,12d B/check%n",
                name, runs, cpu / 1000.0 / runs, wall / 1000.0 / runs, bytes / runs);
    }
}
