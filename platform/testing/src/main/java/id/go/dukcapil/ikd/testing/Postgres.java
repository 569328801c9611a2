package id.go.dukcapil.ikd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from embedded binaries (no Docker, no system installation).
 *
 * <p>Its Unix socket and that socket's lock file live in the server's own data folder
 * ({@code unix_socket_directories}), not in {@code /tmp}, so that two suites on one machine never
 * share or clash over them; the services connect over TCP anyway. Where the folder's path is too
 * long for a socket address (about 100 bytes), the server listens on TCP only.
 */
public final class Postgres implements AutoCloseable {

    public static final String USER = "postgres";

    /** Room for "/.s.PGSQL.65535.lock" within the 107 bytes of a Unix socket address. */
    private static final int MAX_SOCKET_DIR_BYTES = 85;

    /**
     * How commits reach the disk. The embedded library's defaults ({@code -F}, i.e. fsync off, and
     * {@code synchronous_commit=off}) let a crash forget commits already acknowledged to a client.
     */
    public enum Durability {
        /** fsync and synchronous commits on: an acknowledged commit survives a crash (./ikd up's default). */
        DURABLE("on", "on"),
        /**
         * fsync and synchronous commits off: faster, but a crash of PostgreSQL or of the machine may
         * lose acknowledged commits or corrupt the data folder. For throwaway test databases, and
         * {@code ./ikd up --fast-unsafe}.
         */
        FAST_UNSAFE("off", "off");

        private final String fsync;
        private final String synchronousCommit;

        Durability(String fsync, String synchronousCommit) {
            this.fsync = fsync;
            this.synchronousCommit = synchronousCommit;
        }

        String fsync() {
            return fsync;
        }

        String synchronousCommit() {
            return synchronousCommit;
        }
    }

    private final EmbeddedPostgres server;
    private final OwnerWatch watch;

    private Postgres(EmbeddedPostgres server, OwnerWatch watch) {
        this.server = server;
        this.watch = watch;
    }

    /**
     * Starts PostgreSQL with its data in {@code dataDir}; {@code clean} wipes what was there.
     * {@code -c} settings come after the library's {@code -F} on the server's command line, so
     * {@code fsync=on} wins over it.
     */
    public static Postgres start(Path dataDir, int port, boolean clean, Durability durability) {
        return start(dataDir, port, clean, durability, ProcessHandle.current().pid());
    }

    /** As {@link #start(Path, int, boolean, Durability)}, stopped by itself once process {@code ownerPid} is gone. */
    public static Postgres start(Path dataDir, int port, boolean clean, Durability durability, long ownerPid) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", durability.fsync)
                    .setServerConfig("synchronous_commit", durability.synchronousCommit)
                    .setServerConfig("unix_socket_directories", socketDirectory(dataDir))
                    .start();
            return new Postgres(server, OwnerWatch.start(ownerPid, dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + dataDir, e);
        }
    }

    /** The data folder itself, or none (TCP only) when its path is too long for a socket address. */
    static String socketDirectory(Path dataDir) {
        String dir = dataDir.toAbsolutePath().normalize().toString();
        boolean fits = dir.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_SOCKET_DIR_BYTES;
        // a quote or comma would need quoting in the list; such a folder gets TCP only too
        return fits && dir.indexOf(',') < 0 && dir.indexOf('\'') < 0 && dir.indexOf('"') < 0 ? dir : "";
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            watch.stop();
        }
    }

    /** Creates {@code database} on the server at {@code host:port} unless it exists. */
    public static void ensureDatabase(String host, int port, String user, String password, String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database);
            } catch (SQLException raced) {
                // another JVM created it meanwhile: 42P04 duplicate_database is fine
                if (!"42P04".equals(raced.getSQLState())) {
                    throw raced;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " at " + host + ":" + port, e);
        }
    }
}
