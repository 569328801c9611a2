package id.go.dukcapil.ikd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server reads back the durability it was started with (the embedded library's defaults,
 * fsync and synchronous commits off, lose acknowledged commits in a crash), and keeps its Unix
 * socket and lock file in its own data folder.
 */
class PostgresTest {

    @TempDir
    Path temp;

    @Test
    void durableServerSyncsCommitsAndKeepsItsSocketInItsDataFolder() throws Exception {
        Path dataDir = temp.resolve("pg");
        int port = FreePorts.next();
        try (Postgres postgres = Postgres.start(dataDir, port, true, Postgres.Durability.DURABLE)) {
            assertThat(show(port, "fsync")).isEqualTo("on");
            assertThat(show(port, "synchronous_commit")).isEqualTo("on");
            assertThat(show(port, "unix_socket_directories")).isEqualTo(dataDir.toAbsolutePath().toString());
            assertThat(dataDir.resolve(".s.PGSQL." + port)).exists();
            assertThat(dataDir.resolve(".s.PGSQL." + port + ".lock")).exists();
            assertThat(Path.of("/tmp/.s.PGSQL." + port)).doesNotExist();
        }
    }

    @Test
    void fastUnsafeServerIsOnlyWhatIsAskedFor() throws Exception {
        int port = FreePorts.next();
        try (Postgres postgres = Postgres.start(temp.resolve("pg"), port, true, Postgres.Durability.FAST_UNSAFE)) {
            assertThat(show(port, "fsync")).isEqualTo("off");
            assertThat(show(port, "synchronous_commit")).isEqualTo("off");
        }
    }

    @Test
    void tooLongAFolderForASocketAddressMeansTcpOnly() throws Exception {
        Path deep = temp.resolve("a".repeat(60)).resolve("b".repeat(60));
        assertThat(Postgres.socketDirectory(deep)).isEmpty();
        assertThat(Postgres.socketDirectory(Path.of("/srv/ikd/.ikd/postgres"))).isEqualTo("/srv/ikd/.ikd/postgres");
        Files.createDirectories(deep);
        int port = FreePorts.next();
        try (Postgres postgres = Postgres.start(deep.resolve("pg"), port, true, Postgres.Durability.FAST_UNSAFE)) {
            assertThat(show(port, "unix_socket_directories")).isEmpty();
        }
    }

    @Test
    void aServerWhoseOwnerIsKilledStopsByItself() throws Exception {
        Path dataDir = temp.resolve("pg");
        int port = FreePorts.next();
        Process owner = new ProcessBuilder("sleep", "600").start(); // a stand-in launcher
        Postgres postgres = Postgres.start(dataDir, port, true, Postgres.Durability.FAST_UNSAFE, owner.pid());
        ProcessHandle postmaster = ProcessHandle
                .of(Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim())).orElseThrow();
        try {
            Thread.sleep(1500); // the owner alive: the server keeps serving
            assertThat(show(port, "fsync")).isEqualTo("off");

            owner.destroyForcibly(); // SIGKILL: no shutdown hook

            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (postmaster.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(postmaster.isAlive()).as("the server stopped once its owner was gone").isFalse();
            assertThat(FreePorts.isFree(port)).isTrue();
        } finally {
            owner.destroyForcibly();
            if (postmaster.isAlive()) {
                postgres.close();
            }
        }
    }

    private static String show(int port, String setting) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                Postgres.USER, "postgres");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show " + setting)) {
            result.next();
            return result.getString(1);
        }
    }
}
