package id.go.dukcapil.ikd.notification.delivery;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.notification.config.NotificationConfig;
import id.go.dukcapil.ikd.notification.config.NotificationConfig.Sms.ContentType;

/**
 * The body of one request to the SMS gateway, from {@code ikd.notification.sms.body-template}.
 * Placeholders ({@code {{to}}}, {@code {{message}}}, {@code {{reference}}}, {@code {{sender}}}) are
 * filled in escaped for the content type: JSON string escaping, or form URL encoding (UTF-8), so
 * that quotes, line breaks, {@code &} or Indonesian text in a message cannot break the request or
 * add a field to it. A template is checked once, at start-up, by filling it with hostile values:
 * it must then still be a request in which every value sits where a value belongs.
 */
public final class SmsRequestTemplate {

    /** The suite's own contract, as the local SMS outbox reads it. */
    public static final String SUITE_JSON = "{\"to\":\"{{to}}\",\"message\":\"{{message}}\",\"reference\":\"{{reference}}\"}";
    public static final String SUITE_FORM = "to={{to}}&message={{message}}&reference={{reference}}";

    static final String PROPERTY = "ikd.notification.sms.body-template";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    /**
     * Reads a filled-in template back for the start-up check only (the body itself is built by
     * escaping, never by a mapper). The shared settings refuse text after the JSON value, so a
     * template with a brace too many is refused here instead of reaching the gateway as invalid JSON.
     */
    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    /** What a template may ask for. */
    public enum Field {
        TO, MESSAGE, REFERENCE, SENDER;

        String placeholder() {
            return "{{" + name().toLowerCase(Locale.ROOT) + "}}";
        }

        static Optional<Field> named(String name) {
            return Arrays.stream(values()).filter(field -> field.name().toLowerCase(Locale.ROOT).equals(name))
                    .findFirst();
        }
    }

    /** A literal part of the template ({@code field} null) or a placeholder. */
    private record Segment(String literal, Field field) {
    }

    private final ContentType contentType;
    private final List<Segment> segments;

    private SmsRequestTemplate(ContentType contentType, List<Segment> segments) {
        this.contentType = contentType;
        this.segments = segments;
    }

    /** The configured template, or the suite contract for the content type; refused if unusable. */
    public static SmsRequestTemplate from(NotificationConfig.Sms sms) {
        String template = sms.bodyTemplate().map(String::strip).filter(t -> !t.isEmpty())
                .orElse(sms.contentType() == ContentType.FORM ? SUITE_FORM : SUITE_JSON);
        return parse(template, sms.contentType(), sms.senderId().filter(id -> !id.isBlank()).isPresent());
    }

    /** @throws IllegalArgumentException naming the property and what is wrong with the template */
    public static SmsRequestTemplate parse(String template, ContentType contentType, boolean senderConfigured) {
        List<Segment> segments = new ArrayList<>();
        Set<Field> used = EnumSet.noneOf(Field.class);
        Matcher matcher = PLACEHOLDER.matcher(template);
        int literalStart = 0;
        while (matcher.find()) {
            String name = matcher.group(1);
            Field field = Field.named(name).orElseThrow(() -> refused("unknown placeholder {{" + name + "}}; known: "
                    + Arrays.stream(Field.values()).map(Field::placeholder).collect(Collectors.joining(", "))));
            addLiteral(segments, template.substring(literalStart, matcher.start()));
            segments.add(new Segment(null, field));
            used.add(field);
            literalStart = matcher.end();
        }
        addLiteral(segments, template.substring(literalStart));
        if (!used.contains(Field.TO) || !used.contains(Field.MESSAGE)) {
            throw refused("it must contain {{to}} and {{message}}");
        }
        if (used.contains(Field.SENDER) && !senderConfigured) {
            throw refused("it uses {{sender}} but ikd.notification.sms.sender-id is not set");
        }
        SmsRequestTemplate parsed = new SmsRequestTemplate(contentType, List.copyOf(segments));
        parsed.checkValuesStayValues(used);
        return parsed;
    }

    /** The request body for one SMS; {@code sender} may be null when the template does not use it. */
    public String render(String to, String message, String reference, String sender) {
        Map<Field, String> values = new EnumMap<>(Field.class);
        values.put(Field.TO, to);
        values.put(Field.MESSAGE, message);
        values.put(Field.REFERENCE, reference);
        values.put(Field.SENDER, sender == null ? "" : sender);
        return render(values);
    }

    public ContentType contentType() {
        return contentType;
    }

    private String render(Map<Field, String> values) {
        StringBuilder body = new StringBuilder();
        for (Segment segment : segments) {
            if (segment.field() == null) {
                body.append(segment.literal());
            } else {
                body.append(escape(values.get(segment.field())));
            }
        }
        return body.toString();
    }

    private String escape(String value) {
        return switch (contentType) {
            case JSON -> new String(JsonStringEncoder.getInstance().quoteAsString(value));
            case FORM -> URLEncoder.encode(value, StandardCharsets.UTF_8);
        };
    }

    /**
     * Fills the template with values full of quotes, line breaks, separators and non-ASCII text and
     * reads the request back as the gateway would: each value must come back whole, as (part of) a
     * JSON string value or a form field's value. A placeholder outside quotes, in a JSON key or a form
     * field's name, or a broken literal part fails here instead of at the first citizen's SMS.
     */
    private void checkValuesStayValues(Set<Field> used) {
        Map<Field, String> hostile = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            hostile.put(field, "\"}'&=+%; \\\n\t" + field.name().toLowerCase(Locale.ROOT) + " Selamat pagi, Bapak/Ibu – é");
        }
        List<String> valuesReadBack = switch (contentType) {
            case JSON -> jsonStringValues(render(hostile));
            case FORM -> formValues(render(hostile));
        };
        for (Field field : used) {
            String expected = hostile.get(field);
            if (valuesReadBack.stream().noneMatch(value -> value.contains(expected))) {
                throw refused(field.placeholder() + " must stand inside a " + (contentType == ContentType.JSON
                        ? "JSON string value (\"…\")" : "form field's value (name=…)"));
            }
        }
    }

    private static List<String> jsonStringValues(String body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw refused("it is not JSON once filled in (a placeholder outside quotes?): " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isContainerNode()) {
            throw refused("it must be a JSON object or array");
        }
        List<String> values = new ArrayList<>();
        collectStrings(tree, values);
        return values;
    }

    private static void collectStrings(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.textValue());
        }
        node.forEach(child -> collectStrings(child, into));
    }

    private List<String> formValues(String body) {
        if (segments.stream().anyMatch(segment -> segment.literal() != null && segment.literal().chars()
                .anyMatch(Character::isWhitespace))) {
            throw refused("its literal text must be URL-encoded: no spaces or line breaks");
        }
        List<String> values = new ArrayList<>();
        for (String pair : body.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw refused("it must be name=value pairs joined by &, found \"" + pair + "\"");
            }
            try {
                values.add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw refused("its literal text is not URL-encoded: " + e.getMessage());
            }
        }
        return values;
    }

    private static void addLiteral(List<Segment> segments, String literal) {
        // "}}" closes nested JSON objects; "{{" left over is a placeholder with a typo, e.g. "{{to}"
        if (literal.contains("{{")) {
            throw refused("a placeholder is not closed near \"" + literal + "\"");
        }
        if (!literal.isEmpty()) {
            segments.add(new Segment(literal, null));
        }
    }

    private static IllegalArgumentException refused(String problem) {
        return new IllegalArgumentException(PROPERTY + " is unusable: " + problem);
    }
}
