package id.go.dukcapil.ikd.events;

/**
 * An event payload that cannot become its record: not JSON, wrong types, or a required field
 * missing. Unchecked, because a consumer cannot fix it by retrying: it belongs in the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
