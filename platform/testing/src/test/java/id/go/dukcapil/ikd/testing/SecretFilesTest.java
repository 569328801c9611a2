package id.go.dukcapil.ikd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's JWT private key and its folder are readable by their owner only. */
class SecretFilesTest {

    @TempDir
    Path temp;

    @Test
    void jwtPrivateKeyIs0600InA0700Folder() throws Exception {
        Path dir = temp.resolve("keys");
        SuiteKeys keys = SuiteKeys.inDirectory(dir);
        assertThat(mode(keys.privateKeyPem())).isEqualTo("rw-------");
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(Files.readString(keys.privateKeyPem())).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void aKeyLeftReadableByAnOlderVersionIsNarrowedOnReuse() throws Exception {
        Path dir = temp.resolve("keys");
        SuiteKeys keys = SuiteKeys.inDirectory(dir);
        Files.setPosixFilePermissions(keys.privateKeyPem(), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        String key = Files.readString(keys.privateKeyPem());

        SuiteKeys again = SuiteKeys.inDirectory(dir);

        assertThat(Files.readString(again.privateKeyPem())).isEqualTo(key);
        assertThat(mode(again.privateKeyPem())).isEqualTo("rw-------");
        assertThat(mode(dir)).isEqualTo("rwx------");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
