package id.go.dukcapil.ikd.notification.delivery;

/** A message ready for its channel; may contain a PIN, so it lives in memory only and is never logged. */
public record RenderedMessage(String subject, String text, String html) {

    @Override
    public String toString() {
        return "RenderedMessage[subject=" + subject + "]";
    }
}
