package id.go.dukcapil.ikd.verification.domain;

/** One signalling message of a call, in order: {@code sender} CITIZEN or OPERATOR, {@code body} a JSON object. */
public record CallSignal(long seq, String sender, String kind, String body) {
}
