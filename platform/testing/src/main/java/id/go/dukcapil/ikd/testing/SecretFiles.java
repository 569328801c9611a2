package id.go.dukcapil.ikd.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold a private key or a secret, and the folders that keep them: readable by their
 * owner only (files 0600, folders 0700) where the file system knows POSIX permissions. A file is
 * created with that mode, never written first and narrowed after, so that no other user can open
 * it in between.
 */
public final class SecretFiles {

    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private SecretFiles() {
    }

    /** Creates {@code dir} (and its parents) if needed and makes it owner-only. */
    public static Path ownerOnlyFolder(Path dir) throws IOException {
        if (!posix()) {
            return Files.createDirectories(dir);
        }
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, attribute(OWNER_FOLDER));
        }
        Files.setPosixFilePermissions(dir, OWNER_FOLDER);
        return dir;
    }

    /** Writes {@code content} to {@code file}, owner-only; an existing file is narrowed before it is rewritten. */
    public static void write(Path file, String content) throws IOException {
        if (posix()) {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, OWNER_FILE);
            } else {
                Files.createFile(file, attribute(OWNER_FILE));
            }
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** Narrows an existing secret file (one written by an older version with the default mode). */
    public static void narrow(Path file) throws IOException {
        if (posix() && Files.exists(file)) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
