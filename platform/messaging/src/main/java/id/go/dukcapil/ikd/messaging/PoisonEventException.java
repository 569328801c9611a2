package id.go.dukcapil.ikd.messaging;

/**
 * An event that can never be processed (unreadable, missing CloudEvents attributes, or refused by
 * a rule for good): it goes straight to the dead-letter topic, without retries, so that it never
 * blocks its partition.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
