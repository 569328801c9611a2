package id.go.dukcapil.ikd.notification.delivery;

/** The opened content of ActivationCodeIssued.sealedSecrets; never logged. */
public record ActivationSecrets(String pin, String activationUrl) {

    @Override
    public String toString() {
        return "ActivationSecrets[redacted]";
    }
}
