package id.go.dukcapil.ikd.token;

import static id.go.dukcapil.ikd.token.Fixtures.activatedCitizen;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.BenchmarkJvm;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.token.Fixtures.Citizen;
import id.go.dukcapil.ikd.token.domain.Disclosure;
import id.go.dukcapil.ikd.token.domain.Identity;
import id.go.dukcapil.ikd.token.domain.SigningKey;
import id.go.dukcapil.ikd.token.qr.QrCodes;
import id.go.dukcapil.ikd.token.service.QrImageService;
import id.go.dukcapil.ikd.token.service.QrTokenFactory;
import id.go.dukcapil.ikd.token.service.SigningKeyService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Not a test: the benchmark of the issue, on the real stack (PostgreSQL, Kafka, HTTP). Run with
 * {@code ./mvnw -B -pl token-service verify -Pbench}; the figures are printed and written to
 * {@code token-service/target/bench-results.txt}.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class TokenServiceBench {

    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(8);

    @Inject
    SigningKeyService keys;
    @Inject
    QrTokenFactory factory;
    @TestHTTPResource("/")
    URL base;

    private final List<String> report = new ArrayList<>();

    @Test
    void run() throws Throwable {
        int cores = Runtime.getRuntime().availableProcessors();
        line("token-service benchmark, %d cores, %s, JDK %s, JVM flags %s", cores, Instant.now(), Runtime.version(),
                BenchmarkJvm.requireFullJit());

        KeyPair pair = Fixtures.attackerKeys();
        byte[] input = new byte[400];
        double sign1 = rate(1, () -> sign(pair));
        line("raw ES256 sign, 1 thread:               %,10.0f /s", sign1);
        double signAll = rate(cores, () -> sign(pair));
        line("raw ES256 sign, %d threads:              %,10.0f /s", cores, signAll);
        byte[] signature = sign(pair);
        double verify1 = rate(1, () -> verify(pair, input, signature));
        line("raw ES256 verify, 1 thread:             %,10.0f /s", verify1);
        double verifyAll = rate(cores, () -> verify(pair, input, signature));
        line("raw ES256 verify, %d threads:            %,10.0f /s", cores, verifyAll);

        Citizen citizen = activatedCitizen();
        SigningKey key = VertxContextSupport.subscribeAndAwait(keys::signer);
        Identity identity = projected(citizen);
        for (Disclosure disclosure : Disclosure.values()) {
            String token = factory.mint(identity, key, Instant.now(), disclosure).token();
            QrCodes.Matrix matrix = QrCodes.encode(token);
            line("QR credential, %-8s: %d characters -> QR version %d (%d modules with the quiet zone), error correction M",
                    disclosure.label(), token.length(), matrix.version(), matrix.size());
        }
        String legacy = Fixtures.legacyJws(citizen.subject(), key, Instant.now());
        line("legacy JWS token (all four attributes): %d characters -> QR version %d", legacy.length(),
                QrCodes.encode(legacy).version());

        // 64 different tokens in turn, as a service minting fresh tokens sees them
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            tokens.add(factory.mint(identity, key, Instant.now(), Disclosure.MINIMAL).token());
        }
        AtomicLong turn = new AtomicLong();
        Supplier<String> nextToken = () -> tokens.get((int) (turn.getAndIncrement() & 63));
        line("mint, 1 thread (CWT claims, COSE_Sign1 ES256, Base45): %,8.0f /s",
                rate(1, () -> factory.mint(identity, key, Instant.now(), Disclosure.MINIMAL)));
        line("QR image below: 64 different minimal tokens in turn, drawn by ZXing (encode, its mask choice, ImageIO PNG, SVG)");
        line("QR image, 1 thread, fresh: PNG + SVG:       %,8.0f /s per core", rate(1, () -> QrImageService.draw(nextToken.get(), 4)));
        line("QR image, %d threads, fresh: PNG + SVG:      %,8.0f /s", cores, rate(cores, () -> QrImageService.draw(nextToken.get(), 4)));
        QrImageService.QrPictures pictures = QrImageService.draw(tokens.get(0), 4);
        line("  PNG size %d bytes (1-bit, 4 px/module), SVG %d bytes", pictures.png().length, pictures.svg().length());

        // a CPU profile of the HTTP part on request (-Dbench.profile=true; jfr view hot-methods): the
        // recording takes a few per cent of the CPU the figures measure
        Recording recording = Boolean.getBoolean("bench.profile") ? new Recording(Configuration.getConfiguration("profile")) : null;
        if (recording != null) {
            recording.start();
        }
        try {
            // 16 requests in flight, then 64: with group commit the database round is shared by more of them
            for (int connections : new int[] { 16, 64 }) {
                HttpLoad load = HttpLoad.against(base.toURI(), connections);
                line("HTTP load: %s, %d s warm-up (the JIT compiles the whole request path), %d s measured",
                        load.generator(), HttpLoad.WARM_UP.toSeconds(), HttpLoad.MEASURE.toSeconds());
                line("HTTP floor (POST /api/v1/qr-tokens refusing a PIN proof of the wrong type: citizen JWT, JSON in, "
                        + "problem+json out, no crypto, no database): %s", floorThroughHttp(load, citizen).describe());
                HttpLoad.Result mint = mintThroughHttp(load, citizen);
                line("mint through HTTP (POST /api/v1/qr-tokens: citizen JWT, PIN proof, single use, sign, QR PNG+SVG): %s",
                        mint.describe());
                line("  mint / raw sign, %d connections: %.0f %% of the 1-thread rate, %.0f %% of the %d-thread rate (target: 50 %%)",
                        connections, 100 * mint.perSecond() / sign1, 100 * mint.perSecond() / signAll, cores);
                for (boolean cwt : new boolean[] { true, false }) {
                    HttpLoad.Result verification = verifyThroughHttp(load, identity, key, cwt);
                    line("verify %s through HTTP (POST /api/v1/verifications: relying-party JWT, signature, revocation, single use, audit event): %s",
                            cwt ? "QR credential (CWT)" : "legacy JWS", verification.describe());
                    line("  verify / raw verify, %d connections: %.0f %% of the 1-thread rate, %.0f %% of the %d-thread rate (target: 50 %%)",
                            connections, 100 * verification.perSecond() / verify1, 100 * verification.perSecond() / verifyAll, cores);
                }
            }
        } finally {
            if (recording != null) {
                recording.dump(Path.of("target", "bench-http.jfr"));
                recording.close();
            }
        }

        Path out = Path.of("target", "bench-results.txt");
        Files.write(out, report);
        System.out.println("written to " + out.toAbsolutePath());
    }

    /** The same refused body every time: the cost of the HTTP stack, the bearer token and JSON, nothing else. */
    private HttpLoad.Result floorThroughHttp(HttpLoad load, Citizen citizen) throws Exception {
        String body = "{\"pinProof\":\"" + Fixtures.pinProof(citizen.subject(), "JWT", Instant.now().plusSeconds(600)) + "\"}";
        return load.post("/api/v1/qr-tokens", Fixtures.citizenJwt(citizen.subject()), count -> java.util.Collections.nCopies(count, body),
                "PIN_PROOF_INVALID");
    }

    private HttpLoad.Result mintThroughHttp(HttpLoad load, Citizen citizen) throws Exception {
        Instant expiresAt = Instant.now().plusSeconds(900);
        return load.post("/api/v1/qr-tokens", Fixtures.citizenJwt(citizen.subject()), count -> IntStream.range(0, count).parallel()
                .mapToObj(i -> "{\"pinProof\":\"" + Fixtures.pinProof(citizen.subject(), "ikd-pin-proof+jwt", expiresAt) + "\"}")
                .toList(), "\"token\"");
    }

    /** Fresh tokens, each presented once: the measured answers are VALID, with the replay check and the audit event. */
    private HttpLoad.Result verifyThroughHttp(HttpLoad load, Identity identity, SigningKey key, boolean cwt) throws Exception {
        return load.post("/api/v1/verifications", Fixtures.verifierJwt("bench", "ikd.name ikd.nik ikd.birthdate ikd.photo"),
                count -> IntStream.range(0, count).parallel()
                        .mapToObj(i -> "{\"token\":\"" + (cwt ? factory.mint(identity, key, Instant.now(), Disclosure.STANDARD).token()
                                : Fixtures.legacyJws(identity.subject, key, Instant.now())) + "\"}").toList(),
                "\"valid\":true");
    }

    private static Identity projected(Citizen citizen) {
        Identity identity = new Identity();
        identity.identityId = citizen.identityId();
        identity.subject = citizen.subject();
        identity.fullName = "SITI AMINAH";
        identity.nikMasked = "320101********01";
        identity.birthDate = LocalDate.of(1990, 1, 5);
        identity.photoSha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        return identity;
    }

    private static byte[] sign(KeyPair pair) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(pair.getPrivate());
            signer.update(new byte[400]);
            return signer.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean verify(KeyPair pair, byte[] input, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(pair.getPublic());
            verifier.update(input);
            return verifier.verify(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Operations per second over {@link #MEASURE} on {@code threads} threads, after a warm-up. */
    private static double rate(int threads, Supplier<?> operation) throws InterruptedException {
        runFor(threads, operation, WARM_UP);
        return runFor(threads, operation, MEASURE) / (MEASURE.toNanos() / 1e9);
    }

    private static long runFor(int threads, Supplier<?> operation, Duration duration) throws InterruptedException {
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                long local = 0;
                while (System.nanoTime() < end) {
                    operation.get();
                    local++;
                }
                count.addAndGet(local);
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return count.get();
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        report.add(text);
        System.out.println("[bench] " + text);
    }
}
