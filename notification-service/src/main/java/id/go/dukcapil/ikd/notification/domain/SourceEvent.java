package id.go.dukcapil.ikd.notification.domain;

/**
 * The event a message comes from, as its CloudEvents metadata named it: the id is the message's
 * unique key with its kind and channel, and the type (with its version, {@code .v1} or {@code .v2})
 * is what a report of an undeliverable message tells ops to look for.
 *
 * @param type null when the record carried no CloudEvents type (the kind's own source type is used then)
 */
public record SourceEvent(String id, String type) {
}
