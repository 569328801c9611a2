package id.go.dukcapil.ikd.notification.mapping;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.ActivationCodeIssuedV2;
import id.go.dukcapil.ikd.events.ComplaintUpdatedV2;
import id.go.dukcapil.ikd.events.DeactivationLinkIssuedV2;
import id.go.dukcapil.ikd.events.IdentityActivatedV2;
import id.go.dukcapil.ikd.events.IdentityRevokedV2;
import id.go.dukcapil.ikd.events.IndonesianTimeZone;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.events.VerificationDecidedV3;
import id.go.dukcapil.ikd.events.VideoCallBooked;
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

    /** Key of a sealed deactivation link in the stored model; the renderer opens it. */
    public static final String SEALED_LINK = "sealedLink";

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
        model.put("submittedAt", format(event.submittedAt(), language, defaultOffice.zone()));
        return model;
    }

    public Map<String, String> verificationRejected(VerificationDecidedV3 event, String language) {
        Map<String, String> model = office(event.office());
        model.put("reasonCode", event.reasonCode().name());
        model.put("reasonNote", orEmpty(event.reasonNote()));
        model.put("decidedAt", format(event.decidedAt(), language, event.office().zone()));
        return model;
    }

    public Map<String, String> activationCode(ActivationCodeIssuedV2 event, String language) {
        Map<String, String> model = office(event.office());
        model.put(SEALED_SECRETS, event.sealedSecrets());
        model.put("expiresAt", format(event.expiresAt(), language, event.office().zone()));
        return model;
    }

    public Map<String, String> deactivationLink(DeactivationLinkIssuedV2 event, String language) {
        Map<String, String> model = office(event.office());
        model.put(SEALED_LINK, event.sealedLink());
        model.put("expiresAt", format(event.expiresAt(), language, event.office().zone()));
        return model;
    }

    public Map<String, String> identityActivated(IdentityActivatedV2 event, String language) {
        Map<String, String> model = office(event.office());
        model.put("activatedAt", format(event.activatedAt(), language, event.office().zone()));
        return model;
    }

    public Map<String, String> identityRevoked(IdentityRevokedV2 event, String language) {
        Map<String, String> model = office(event.office());
        model.put("revocationReason", event.reason().name());
        model.put("revokedAt", format(event.revokedAt(), language, event.office().zone()));
        return model;
    }

    /** A contact corrected at the counter: when, where, and what changed ("true" or empty). */
    public Map<String, String> contactCorrected(ContactCorrected event, String language) {
        Map<String, String> model = office(event.office());
        model.put("correctedAt", format(event.correctedAt(), language, event.office().zone()));
        model.put("emailChanged", event.emailChanged() ? "true" : "");
        model.put("phoneChanged", event.phoneChanged() ? "true" : "");
        return model;
    }

    /** A complaint's ticket, status in both languages, deadline and (when closed) the office's answer. */
    public Map<String, String> complaint(ComplaintUpdatedV2 event, String language) {
        Map<String, String> model = office(event.office());
        model.put("ticket", event.ticket());
        model.put("status", event.status());
        model.put("answer", orEmpty(event.answer()));
        model.put("dueAt", event.dueAt() == null ? "" : format(event.dueAt(), language, event.office().zone()));
        model.put("updatedAt", format(event.updatedAt(), language, event.office().zone()));
        return model;
    }

    /** A video-call booking: the slot (and the slot it had before a move) in the office's zone. */
    public Map<String, String> videoCallBooking(VideoCallBooked event, String language) {
        Map<String, String> model = office(event.office());
        model.put("slotAt", format(event.slotStart(), language, event.timeZone()));
        model.put("previousSlotAt", event.previousSlotStart() == null ? ""
                : format(event.previousSlotStart(), language, event.timeZone()));
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

    /** In the office's zone, with its abbreviation (WIB, WITA, WIT) as Indonesians write it. */
    static String format(Instant instant, String language, IndonesianTimeZone zone) {
        return zone.format(instant, language);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
