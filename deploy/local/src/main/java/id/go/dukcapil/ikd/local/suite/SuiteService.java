package id.go.dukcapil.ikd.local.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The five services of the suite, with their contract ports and databases (see the brief). */
public enum SuiteService {

    REGISTRATION("registration-service", 8081, "registration", List.of()),
    VERIFICATION("verification-service", 8082, "verification",
            List.of(new Page("Portal operator", "Operator portal", "/portal", ""))),
    ACTIVATION("activation-service", 8083, "activation",
            List.of(new Page("Halaman aktivasi", "Activation page", "/activate?t=…",
                    "(tautan di surel aktivasi / the link in the activation mail)"))),
    TOKEN("token-service", 8084, "token",
            List.of(new Page("Halaman verifikasi QR", "QR verifier page", "/verify", ""))),
    NOTIFICATION("notification-service", 8085, "notification", List.of());

    /** A page a person opens in a browser, labelled in Bahasa Indonesia and English; {@code note} may be empty. */
    public record Page(String labelId, String labelEn, String path, String note) {
    }

    /** Where a service module describes its demo accounts for the {@code ./ikd up} banner. */
    public static final String DEMO_CREDENTIALS_FILE = "src/main/resources/META-INF/ikd-demo.txt";

    private final String module;
    private final int port;
    private final String database;
    private final List<Page> pages;

    SuiteService(String module, int port, String database, List<Page> pages) {
        this.module = module;
        this.port = port;
        this.database = database;
        this.pages = pages;
    }

    /** Module directory and application name, e.g. {@code registration-service}. */
    public String module() {
        return module;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public List<Page> pages() {
        return pages;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path moduleDir(Path projectRoot) {
        return projectRoot.resolve(module);
    }

    /** True when the project has this module (services are added to the suite one by one). */
    public boolean existsIn(Path projectRoot) {
        return Files.isRegularFile(moduleDir(projectRoot).resolve("pom.xml"));
    }

    public Path runnableJar(Path projectRoot) {
        return moduleDir(projectRoot).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public Path demoCredentials(Path projectRoot) {
        return moduleDir(projectRoot).resolve(DEMO_CREDENTIALS_FILE);
    }
}
