package id.go.dukcapil.ikd.verification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.CardApproved;
import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerificationDecidedV2;
import id.go.dukcapil.ikd.events.VerificationDecidedV3;
import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.config.VerificationConfig.EventVersion;
import id.go.dukcapil.ikd.verification.domain.CaseDecision;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;

/** Which contract version of the decision verification-service publishes: the switch, and registrations older than it. */
class PublishedEventsTest {

    private static final Instant SWITCH = Instant.parse("2026-12-20T00:00:00Z");

    @Test
    void v1UntilSwitched() {
        VerificationDecided decided = (VerificationDecided) decided(events(EventVersion.V1, Optional.empty()),
                SWITCH.plusSeconds(60));
        assertThat(decided.email()).isEqualTo("budi@example.id");
        assertThat(decided.attributes().religion()).isEqualTo("ISLAM");
    }

    @Test
    void v2OnceSwitchedWithoutContactOrTheFourUnusedAttributes() {
        Object event = decided(events(EventVersion.V2, Optional.empty()), SWITCH.minusSeconds(60));

        assertThat(event).isInstanceOf(VerificationDecidedV2.class);
        String json = EventJson.write((VerificationDecidedV2) event);
        assertThat(json).doesNotContain("budi@example.id").doesNotContain("+6281234567890").doesNotContain("language")
                .doesNotContain("ISLAM").doesNotContain("KAWIN").doesNotContain("KARYAWAN").doesNotContain("WNI")
                .contains("BUDI SANTOSO").contains("3204121508900001");
    }

    @Test
    void aRegistrationSubmittedBeforeTheRecipientRecordStaysV1() {
        PublishedEvents events = events(EventVersion.V2, Optional.of(SWITCH));

        assertThat(decided(events, SWITCH.minusSeconds(1))).isInstanceOf(VerificationDecided.class);
        assertThat(decided(events, SWITCH)).isInstanceOf(VerificationDecidedV2.class);
    }

    @Test
    void v3GivesTheDecisionWithoutAttributesAndTheCardForActivationOnly() {
        List<IkdEvent> published = approvedAs(events(EventVersion.V3, Optional.empty()), SWITCH, Decision.APPROVED);

        assertThat(published).hasSize(2);
        VerificationDecidedV3 decision = (VerificationDecidedV3) published.get(0);
        assertThat(EventJson.write(decision)).doesNotContain("3204121508900001").doesNotContain("BUDI SANTOSO")
                .doesNotContain("kty").doesNotContain("budi@example.id").contains("3204-DISDUKCAPIL");
        CardApproved card = (CardApproved) published.get(1);
        assertThat(card.attributes().nik()).isEqualTo("3204121508900001");
        assertThat(card.deviceKeyJwk()).isEqualTo("{\"kty\":\"EC\"}");
        assertThat(card.registrationId()).isEqualTo(decision.registrationId());
        assertThat(EventJson.write(card)).doesNotContain("budi@example.id").doesNotContain("ISLAM");
        assertThat(EventType.of(card.getClass()).topic()).isEqualTo(Topics.VERIFICATION_CARD);
    }

    @Test
    void aV3RejectionHasNoCard() {
        List<IkdEvent> published = approvedAs(events(EventVersion.V3, Optional.empty()), SWITCH, Decision.REJECTED);

        assertThat(published).singleElement().isInstanceOf(VerificationDecidedV3.class);
    }

    @Test
    void aRegistrationSubmittedBeforeTheRecipientRecordStaysV1UnderV3Too() {
        PublishedEvents events = events(EventVersion.V3, Optional.of(SWITCH));

        assertThat(approvedAs(events, SWITCH.minusSeconds(1), Decision.APPROVED)).singleElement()
                .isInstanceOf(VerificationDecided.class);
        assertThat(approvedAs(events, SWITCH, Decision.APPROVED)).hasSize(2);
    }

    private static Object decided(PublishedEvents events, Instant submittedAt) {
        List<IkdEvent> published = approvedAs(events, submittedAt, Decision.APPROVED);
        assertThat(published).hasSize(1);
        return published.get(0);
    }

    private static List<IkdEvent> approvedAs(PublishedEvents events, Instant submittedAt, Decision outcome) {
        VerificationCase c = new VerificationCase();
        c.id = UUID.randomUUID();
        c.registrationId = UUID.randomUUID();
        c.email = "budi@example.id";
        c.phone = "+6281234567890";
        c.language = "id";
        c.deviceKeyJwk = "{\"kty\":\"EC\"}";
        c.submittedAt = submittedAt;
        CaseDecision d = new CaseDecision();
        d.outcome = outcome;
        d.channel = Channel.COUNTER;
        Office office = new Office();
        office.code = "3204-DISDUKCAPIL";
        office.name = "Disdukcapil Kabupaten Bandung";
        Resident resident = new Resident("3204121508900001", "BUDI SANTOSO", "BANDUNG", LocalDate.of(1990, 8, 15),
                "LAKI-LAKI", "JL. MERDEKA NO. 1", "003/007", "CIBEUNYING", "32.04.12", "CIMENYAN", "KABUPATEN BANDUNG",
                "JAWA BARAT", "ISLAM", "KAWIN", "KARYAWAN SWASTA", "WNI", "PRINTED", "HIDUP", "SESUAI", null);
        return events.decided(c, d, office, resident, "op-7f3a", SWITCH);
    }

    private static PublishedEvents events(EventVersion version, Optional<Instant> since) {
        VerificationConfig.Events settings = new VerificationConfig.Events() {
            @Override
            public EventVersion version() {
                return version;
            }

            @Override
            public Optional<Instant> v2SubmittedAfter() {
                return since;
            }
        };
        VerificationConfig config = (VerificationConfig) Proxy.newProxyInstance(
                VerificationConfig.class.getClassLoader(), new Class<?>[] { VerificationConfig.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("events")) {
                        return settings;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new PublishedEvents(config);
    }
}
