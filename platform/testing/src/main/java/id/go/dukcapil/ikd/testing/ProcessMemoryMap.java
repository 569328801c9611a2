package id.go.dukcapil.ikd.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The files a process has mapped into its memory (code, libraries), as the kernel lists them in /proc/[pid]/maps (Linux). */
public final class ProcessMemoryMap {

    private ProcessMemoryMap() {
    }

    /** Each mapped file's path once, in the map's order; anonymous mappings left out. */
    public static List<String> files(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps")).stream()
                .map(line -> line.split("\\s+", 6)) // address, perms, offset, device, inode, path
                .filter(fields -> fields.length == 6)
                .map(fields -> fields[5])
                .distinct()
                .toList();
    }
}
