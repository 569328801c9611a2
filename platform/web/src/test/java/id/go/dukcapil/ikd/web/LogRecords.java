package id.go.dukcapil.ikd.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Every log record of the running application while open: "one log line per refusal" made checkable. */
final class LogRecords extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogRecords() {
        setLevel(Level.ALL);
    }

    static LogRecords capture() {
        LogRecords handler = new LogRecords();
        Logger.getLogger("").addHandler(handler);
        return handler;
    }

    /** The records at INFO or above (what a production log would hold). */
    List<String> lines() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
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
