package id.go.dukcapil.ikd.web;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * The last line of defence for the rule "logs never contain a NIK in full, a PIN, a token": any
 * 16-digit number is masked like a NIK, and anything shaped like a JWT/JWE or a
 * {@code pin=}/{@code "pin":} value is replaced, whatever code logged it. Code should already
 * mask with {@link Masking}; this catches what slips through (framework and library messages).
 */
@LoggingFilter(name = "ikd-redact")
public final class RedactingLogFilter implements Filter {

    private static final Pattern NIK = Pattern.compile("(?<!\\d)(\\d{6})\\d{8}(\\d{2})(?!\\d)");
    private static final Pattern COMPACT_JOSE = Pattern
            .compile("eyJ[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*)?");
    private static final Pattern PIN = Pattern.compile("(?i)(\"?(?:pin|appPin|password|secret)\"?\\s*[:=]\\s*\"?)[^\",\\s}]+");

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String formatted = ext.getFormattedMessage();
            if (formatted != null) {
                String redacted = redact(formatted);
                if (!redacted.equals(formatted)) {
                    ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
                    ext.setParameters(null);
                }
            }
        }
        return true;
    }

    public static String redact(String text) {
        String out = NIK.matcher(text).replaceAll("$1********$2");
        out = COMPACT_JOSE.matcher(out).replaceAll("[token]");
        return PIN.matcher(out).replaceAll("$1[redacted]");
    }
}
