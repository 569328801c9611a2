package id.go.dukcapil.ikd.notification.mapping;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.events.ActivationCodeIssued;
import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.notification.config.NotificationConfig;

/**
 * Turns an event into the data of its templates: what the citizen reads, already formatted in
 * their language, plus the office's complaint channels for the footer. Never a PIN in clear: the
 * activation code keeps only its sealed JWE, opened at send time.
 */
@ApplicationScoped
public class TemplateModels {

    /** Key of the sealed JWE in the stored model; the renderer opens it. */
    public static final String SEALED_SECRETS = "sealedSecrets";

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter DATE_ID = DateTimeFormatter.ofPattern("d MMMM yyyy, HH.mm 'WIB'",
            Locale.forLanguageTag("id-ID"));
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'WIB'",
            Locale.ENGLISH);

    private final OfficeContact defaultOffice;

    public TemplateModels(NotificationConfig config) {
        NotificationConfig.DefaultContact contact = config.defaultContact();
        this.defaultOffice = new OfficeContact(contact.officeCode(), contact.name(), contact.address().orElse(null),
                contact.phone().orElse(null), contact.email().orElse(null), contact.whatsapp().orElse(null),
                contact.website().orElse(null));
    }

    public Map<String, String> registrationReceived(RegistrationSubmitted event, String language) {
        Map<String, String> model = office(defaultOffice);
        model.put("shortCode", event.shortCode());
        model.put("submittedAt", format(event.submittedAt(), language));
        return model;
    }

    public Map<String, String> verificationRejected(VerificationDecided event, String language) {
        Map<String, String> model = office(event.office());
        model.put("reasonCode", event.reasonCode().name());
        model.put("reasonNote", orEmpty(event.reasonNote()));
        model.put("decidedAt", format(event.decidedAt(), language));
        return model;
    }

    public Map<String, String> activationCode(ActivationCodeIssued event, String language) {
        Map<String, String> model = office(event.office());
        model.put(SEALED_SECRETS, event.sealedSecrets());
        model.put("expiresAt", format(event.expiresAt(), language));
        return model;
    }

    public Map<String, String> identityActivated(IdentityActivated event, String language) {
        Map<String, String> model = office(event.office());
        model.put("activatedAt", format(event.activatedAt(), language));
        return model;
    }

    public Map<String, String> identityRevoked(IdentityRevoked event, String language) {
        Map<String, String> model = office(event.office());
        model.put("revocationReason", event.reason().name());
        model.put("revokedAt", format(event.revokedAt(), language));
        return model;
    }

    /** Every key is present (empty when unknown), so templates can test {@code {#if officePhone}}. */
    private static Map<String, String> office(OfficeContact office) {
        Map<String, String> model = new LinkedHashMap<>();
        model.put("officeName", office.name());
        model.put("officeAddress", orEmpty(office.address()));
        model.put("officePhone", orEmpty(office.phone()));
        model.put("officeWhatsapp", orEmpty(office.whatsapp()));
        model.put("officeEmail", orEmpty(office.email()));
        model.put("officeWebsite", orEmpty(office.website()));
        return model;
    }

    static String format(Instant instant, String language) {
        return ("en".equals(language) ? DATE_EN : DATE_ID).format(instant.atZone(WIB));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
