package id.go.dukcapil.ikd.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log records the application in this JVM writes while open (a @QuarkusTest runs in the test's
 * JVM): makes "at most one log line per refusal" an assertion. The test's own HTTP client is not the
 * application: RestAssured's Apache HttpClient logs a broken pipe and its retry when a service
 * answers 413 and closes the connection while a large body is still being sent, which depends on
 * the timing, not on the service.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** Loggers of the test's side, whose records are not the application's. */
    private static final List<String> TEST_CLIENT_LOGGERS = List.of("org.apache.http.");

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** The records at INFO or above, as "logger: message": what a production log would hold. */
    public List<String> lines() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .filter(r -> !fromTestClient(r))
                .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
    }

    private static boolean fromTestClient(LogRecord record) {
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        return TEST_CLIENT_LOGGERS.stream().anyMatch(logger::startsWith);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
