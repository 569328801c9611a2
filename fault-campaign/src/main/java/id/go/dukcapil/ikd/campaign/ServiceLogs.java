package id.go.dukcapil.ikd.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the services' logs of a local suite for the lines about one failure. */
final class ServiceLogs {

    /** A stack trace's head: enough to name the exception and where it came from. */
    private static final int LINES_AFTER = 12;

    private ServiceLogs() {
    }

    static List<String> linesAbout(Path logDir, String text) {
        List<String> found = new ArrayList<>();
        if (text.isBlank() || !Files.isDirectory(logDir)) {
            return found;
        }
        try (Stream<Path> logs = Files.walk(logDir)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                // decoded leniently: a log line may hold bytes a client sent
                List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains(text)) {
                        found.add(log.getFileName() + ":");
                        found.addAll(lines.subList(i, Math.min(lines.size(), i + 1 + LINES_AFTER)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
