package id.go.dukcapil.ikd.token.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A second, independent QR reader for the tests: zbar's {@code zbarimg} (Debian package zbar-tools). */
public final class Zbarimg {

    private Zbarimg() {
    }

    /** The text of the QR code in {@code png}; fails the test when zbarimg is missing or reads nothing. */
    public static String read(byte[] png) throws IOException, InterruptedException {
        Path file = Files.createTempFile("qr-", ".png");
        try {
            Files.write(file, png);
            Process process;
            try {
                process = new ProcessBuilder("zbarimg", "--raw", "-q", file.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new AssertionError("zbarimg is not on PATH: install the package zbar-tools", e);
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("zbarimg output: %s", out).isZero();
            return out.strip();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
