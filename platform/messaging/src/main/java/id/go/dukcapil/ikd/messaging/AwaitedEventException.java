package id.go.dukcapil.ikd.messaging;

/**
 * The event needs what another event brings, on another topic, and that one has not been read yet
 * (notification-service's recipient, recorded from RegistrationSubmitted, for a PIN event that carries
 * no contact). Topics are not ordered with each other, so after a lag or a replay from the beginning
 * the later event can come first. It is retried in place with backoff for
 * {@code ikd.messaging.consumer.await-other-event}, and only then goes to the dead-letter topic,
 * with this message as its reason.
 */
public class AwaitedEventException extends RuntimeException {

    public AwaitedEventException(String message) {
        super(message);
    }
}
