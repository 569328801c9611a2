package id.go.dukcapil.ikd.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.go.dukcapil.ikd.local.IkdLauncher.LauncherException;
import id.go.dukcapil.ikd.local.infra.LocalPorts;
import id.go.dukcapil.ikd.local.process.PortCheck;
import id.go.dukcapil.ikd.local.suite.HaPorts;
import id.go.dukcapil.ikd.local.suite.SuiteService;

/** What {@code ./ikd up} checks before it starts anything: the services are built, their ports free. */
final class Preflight {

    private Preflight() {
    }

    /** Every service module of the project; each must have been built (the script builds when one is missing). */
    static List<SuiteService> presentServices(Path root) {
        List<SuiteService> present = new ArrayList<>();
        List<String> unbuilt = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            if (!service.existsIn(root)) {
                continue;
            }
            if (!Files.isRegularFile(service.runnableJar(root))) {
                unbuilt.add(root.relativize(service.runnableJar(root)).toString());
            }
            present.add(service);
        }
        if (!unbuilt.isEmpty()) {
            throw new LauncherException("Layanan belum dibangun / services not built: missing " + unbuilt
                    + ". Run ./ikd build (or ./mvnw -DskipTests install).");
        }
        return present;
    }

    static void checkPortsAreFree(LocalPorts ports, List<SuiteService> present, HaPorts ha) {
        Map<String, Integer> wanted = new LinkedHashMap<>(ports.byComponent());
        present.forEach(service -> wanted.put(service.module(), service.port()));
        if (ha != null) {
            wanted.putAll(ha.byComponent());
        }
        List<String> taken = PortCheck.taken(wanted);
        if (!taken.isEmpty()) {
            throw new LauncherException("Port sudah dipakai / ports already in use:\n" + String.join("\n", taken)
                    + "\nStop what uses them (an earlier ./ikd up? try ./ikd down) and run ./ikd up again.");
        }
    }
}
