package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one JSON form of events, used by producers (outbox) and consumers alike, so that both sides
 * agree on dates, nulls and unknown fields whatever their own ObjectMapper is configured to do.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = newObjectMapper();

    private EventJson() {
    }

    /**
     * A fresh mapper with the event settings: ISO-8601 dates, nulls left out, unknown fields
     * ignored (a newer producer may add some), an unknown {@link RejectionReason} read as OTHER.
     * Fresh, so that nobody can reconfigure the shared one.
     */
    public static ObjectMapper newObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    }

    /** The CloudEvents {@code data} of an event. */
    public static String write(IkdEvent event) {
        Objects.requireNonNull(event, "event is required");
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            // Records of plain values always serialise; reaching this is a bug in this module.
            throw new IllegalStateException("Cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads the CloudEvents {@code data} of an event.
     *
     * @throws MalformedEventException if the payload is not JSON, has wrong types or misses a required field
     */
    public static <T extends IkdEvent> T read(String json, Class<T> eventClass) {
        Objects.requireNonNull(eventClass, "eventClass is required");
        if (json == null || json.isBlank()) {
            throw new MalformedEventException(describe(eventClass) + ": the payload is empty");
        }
        try {
            return requirePresent(MAPPER.readValue(json, eventClass), eventClass);
        } catch (JsonProcessingException e) {
            throw malformed(eventClass, e);
        }
    }

    /** As {@link #read(String, Class)}, for UTF-8 bytes straight from a Kafka record. */
    public static <T extends IkdEvent> T read(byte[] json, Class<T> eventClass) {
        Objects.requireNonNull(eventClass, "eventClass is required");
        if (json == null || json.length == 0) {
            throw new MalformedEventException(describe(eventClass) + ": the payload is empty");
        }
        try {
            return requirePresent(MAPPER.readValue(json, eventClass), eventClass);
        } catch (JsonProcessingException e) {
            throw malformed(eventClass, e);
        } catch (IOException e) {
            // A byte array cannot fail to be read; only its content can be wrong.
            throw new MalformedEventException(describe(eventClass) + ": " + e.getMessage(), e);
        }
    }

    private static <T extends IkdEvent> T requirePresent(T event, Class<T> eventClass) {
        if (event == null) {
            throw new MalformedEventException(describe(eventClass) + ": the payload is JSON null");
        }
        return event;
    }

    private static MalformedEventException malformed(Class<? extends IkdEvent> eventClass, JsonProcessingException e) {
        // The compact constructor's own message ("caseId is required") says more than Jackson's wrapper.
        String problem = e instanceof ValueInstantiationException && e.getCause() != null
                ? e.getCause().getMessage()
                : e.getOriginalMessage();
        return new MalformedEventException(describe(eventClass) + at(e) + ": " + problem, e);
    }

    private static String at(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        String path = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return " at '" + path + "'";
    }

    private static String describe(Class<? extends IkdEvent> eventClass) {
        return "Malformed " + EventType.of(eventClass).type() + " event";
    }
}
