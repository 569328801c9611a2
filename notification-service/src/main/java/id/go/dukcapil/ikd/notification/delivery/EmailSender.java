package id.go.dukcapil.ikd.notification.delivery;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;

/**
 * Sends one email through the configured SMTP server (quarkus.mailer.*: host, port, STARTTLS,
 * auth) and classifies the answer.
 */
@ApplicationScoped
public class EmailSender {

    /** 5xx answers that are our configuration's fault (authentication): fixing it must let the mail go. */
    private static final Set<Integer> OUR_FAULT = Set.of(530, 534, 535, 538);

    private final ReactiveMailer mailer;
    private final String messageIdDomain;

    public EmailSender(ReactiveMailer mailer, @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.mailer = mailer;
        String address = from.replaceAll(".*<([^>]*)>.*", "$1");
        this.messageIdDomain = address.contains("@") ? address.substring(address.indexOf('@') + 1) : "ikd.local";
    }

    /**
     * The Message-ID is the notification's id, so a message sent again after a lost lease is the
     * same message to the receiving system.
     */
    public Uni<DeliveryOutcome> send(String to, RenderedMessage message, UUID notificationId) {
        if (!Recipients.isDeliverableEmail(to)) {
            return Uni.createFrom().item(DeliveryOutcome.refused("INVALID_RECIPIENT"));
        }
        Mail mail = new Mail().addTo(to).setSubject(message.subject()).setText(message.text())
                .setHtml(message.html()).addHeader("Message-ID", messageId(notificationId));
        return mailer.send(mail)
                .replaceWith(DeliveryOutcome.sent())
                .onFailure().recoverWithItem(EmailSender::classify);
    }

    String messageId(UUID notificationId) {
        return "<" + notificationId + "@" + messageIdDomain + ">";
    }

    static DeliveryOutcome classify(Throwable failure) {
        if (failure instanceof SMTPException smtp) {
            String reason = "SMTP_" + smtp.getReplyCode();
            if (smtp.isPermanent() && !OUR_FAULT.contains(smtp.getReplyCode())) {
                return DeliveryOutcome.refused(reason);
            }
            return DeliveryOutcome.retry(reason);
        }
        return DeliveryOutcome.retry("SMTP_UNAVAILABLE: " + failure.getClass().getSimpleName());
    }
}
