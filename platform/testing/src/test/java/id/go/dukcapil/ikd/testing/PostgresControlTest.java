package id.go.dukcapil.ikd.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server stopped immediately refuses connections, starts again on the same data and port with
 * the durability asked for, and still has a commit acknowledged before the crash.
 */
class PostgresControlTest {

    @TempDir
    Path temp;

    @Test
    void crashAndRestartKeepsAcknowledgedCommitsAndSwitchesDurability() throws Exception {
        Path dataDir = temp.resolve("pg");
        int port = FreePorts.next();
        try (Postgres postgres = Postgres.start(dataDir, port, true, Postgres.Durability.FAST_UNSAFE)) {
            PostgresControl control = new PostgresControl(dataDir);
            control.stopFast();
            control.start(Postgres.Durability.DURABLE);
            assertThat(query(port, "show synchronous_commit")).isEqualTo("on");
            assertThat(query(port, "show fsync")).isEqualTo("on");
            execute(port, "create table acknowledged (id int primary key)");
            execute(port, "insert into acknowledged values (1)");

            control.stopImmediately();
            assertThatThrownBy(() -> query(port, "select 1")).isInstanceOf(SQLException.class);

            control.start(Postgres.Durability.DURABLE);
            assertThat(query(port, "select count(*) from acknowledged")).isEqualTo("1");
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", Postgres.USER,
                "postgres");
    }

    private static void execute(int port, String sql) throws SQLException {
        try (Connection connection = connect(port); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(int port, String sql) throws SQLException {
        try (Connection connection = connect(port); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
