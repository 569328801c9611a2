package id.go.dukcapil.ikd.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTypeTest {

    @Test
    void everyEventRecordHasExactlyOneEventType() {
        Set<Class<?>> permitted = Set.of(IkdEvent.class.getPermittedSubclasses());
        Set<Class<?>> mapped = Arrays.stream(EventType.values()).map(EventType::eventClass).collect(Collectors.toSet());

        assertThat(mapped).isEqualTo(permitted).hasSize(EventType.values().length);
    }

    @Test
    void cloudEventTypesAreDistinctAndVersioned() {
        Set<String> types = Arrays.stream(EventType.values()).map(EventType::type).collect(Collectors.toSet());

        assertThat(types).hasSize(EventType.values().length);
        assertThat(types).allSatisfy(type -> assertThat(type).matches("id\\.go\\.dukcapil\\.ikd\\.[a-z]+\\.[a-z-]+\\.v[0-9]+"));
    }

    @Test
    void cloudEventTypesAreTheAgreedOnes() {
        assertThat(EventType.REGISTRATION_SUBMITTED.type()).isEqualTo("id.go.dukcapil.ikd.registration.submitted.v1");
        assertThat(EventType.REGISTRATION_WITHDRAWN.type()).isEqualTo("id.go.dukcapil.ikd.registration.withdrawn.v1");
        assertThat(EventType.VERIFICATION_DECIDED.type()).isEqualTo("id.go.dukcapil.ikd.verification.decided.v1");
        assertThat(EventType.CONTACT_CORRECTED.type())
                .isEqualTo("id.go.dukcapil.ikd.verification.contact-corrected.v1");
        assertThat(EventType.ACTIVATION_CODE_ISSUED.type()).isEqualTo("id.go.dukcapil.ikd.activation.code-issued.v1");
        assertThat(EventType.IDENTITY_ACTIVATED.type()).isEqualTo("id.go.dukcapil.ikd.identity.activated.v1");
        assertThat(EventType.IDENTITY_REVOKED.type()).isEqualTo("id.go.dukcapil.ikd.identity.revoked.v1");
        assertThat(EventType.ACTIVATION_CODE_ISSUED_V2.type()).isEqualTo("id.go.dukcapil.ikd.activation.code-issued.v2");
        assertThat(EventType.VERIFICATION_DECIDED_V2.type()).isEqualTo("id.go.dukcapil.ikd.verification.decided.v2");
        assertThat(EventType.DEACTIVATION_LINK_ISSUED_V2.type())
                .isEqualTo("id.go.dukcapil.ikd.activation.deactivation-link-issued.v2");
        assertThat(EventType.IDENTITY_ACTIVATED_V2.type()).isEqualTo("id.go.dukcapil.ikd.identity.activated.v2");
        assertThat(EventType.IDENTITY_REVOKED_V2.type()).isEqualTo("id.go.dukcapil.ikd.identity.revoked.v2");
        assertThat(EventType.NOTIFICATION_STATUS.type()).isEqualTo("id.go.dukcapil.ikd.notification.status.v1");
        assertThat(EventType.TOKEN_VERIFIED.type()).isEqualTo("id.go.dukcapil.ikd.token.verified.v1");
    }

    @Test
    void eachFamilyHasItsTopic() {
        assertThat(EventType.REGISTRATION_SUBMITTED.topic()).isEqualTo(Topics.REGISTRATION);
        assertThat(EventType.REGISTRATION_WITHDRAWN.topic()).isEqualTo(Topics.REGISTRATION);
        assertThat(EventType.VERIFICATION_DECIDED.topic()).isEqualTo(Topics.VERIFICATION);
        assertThat(EventType.CONTACT_CORRECTED.topic()).isEqualTo(Topics.VERIFICATION);
        assertThat(EventType.ACTIVATION_CODE_ISSUED.topic()).isEqualTo(Topics.ACTIVATION);
        assertThat(EventType.IDENTITY_ACTIVATED.topic()).isEqualTo(Topics.IDENTITY);
        assertThat(EventType.IDENTITY_REVOKED.topic()).isEqualTo(Topics.IDENTITY);
        assertThat(EventType.ACTIVATION_CODE_ISSUED_V2.topic()).isEqualTo(Topics.ACTIVATION);
        assertThat(EventType.VERIFICATION_DECIDED_V2.topic()).isEqualTo(Topics.VERIFICATION);
        assertThat(EventType.VERIFICATION_DECIDED_V3.topic()).isEqualTo(Topics.VERIFICATION);
        assertThat(EventType.CARD_APPROVED.topic()).isEqualTo(Topics.VERIFICATION_CARD);
        assertThat(EventType.COMPLAINT_UPDATED.topic()).isEqualTo(Topics.VERIFICATION);
        assertThat(EventType.COMPLAINT_UPDATED_V2.topic()).isEqualTo(Topics.VERIFICATION_COMPLAINT);
        assertThat(EventType.DEACTIVATION_LINK_ISSUED_V2.topic()).isEqualTo(Topics.ACTIVATION);
        assertThat(EventType.IDENTITY_ACTIVATED_V2.topic()).isEqualTo(Topics.IDENTITY);
        assertThat(EventType.IDENTITY_REVOKED_V2.topic()).isEqualTo(Topics.IDENTITY);
        assertThat(EventType.NOTIFICATION_STATUS.topic()).isEqualTo(Topics.NOTIFICATION);
        assertThat(EventType.TOKEN_VERIFIED.topic()).isEqualTo(Topics.TOKEN);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void lookupsFindTheSameConstant(EventType type) {
        assertThat(EventType.of(type.eventClass())).isSameAs(type);
        assertThat(EventType.fromType(type.type())).contains(type);
    }

    @Test
    void everySampleKnowsItsEventType() {
        assertThat(EventFixtures.all())
                .allSatisfy(event -> assertThat(event.eventType().eventClass()).isEqualTo(event.getClass()));
        assertThat(EventFixtures.all().stream().map(IkdEvent::eventType).collect(Collectors.toSet()))
                .as("the fixtures cover every event type")
                .containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void unknownOrNewerTypesAreNotFound() {
        assertThat(EventType.fromType("id.go.dukcapil.ikd.verification.decided.v4")).isEmpty();
        assertThat(EventType.fromType("id.go.dukcapil.ikd.identity.activated.v3")).isEmpty();
        assertThat(EventType.fromType("VERIFICATION_DECIDED")).isEmpty();
        assertThat(EventType.fromType("")).isEmpty();
        assertThat(EventType.fromType(null)).isEmpty();
    }

    @Test
    void theInterfaceItselfIsNotAnEventType() {
        assertThatThrownBy(() -> EventType.of(IkdEvent.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IkdEvent");
    }

    @Test
    void journeyEventsAreKeyedByRegistrationId() {
        String registrationId = EventFixtures.REGISTRATION_ID.toString();

        assertThat(EventFixtures.registrationSubmitted().partitionKey()).isEqualTo(registrationId);
        assertThat(EventFixtures.approved().partitionKey()).isEqualTo(registrationId);
        assertThat(EventFixtures.rejected().partitionKey()).isEqualTo(registrationId);
        assertThat(EventFixtures.activationCodeIssued().partitionKey()).isEqualTo(registrationId);
        assertThat(EventFixtures.identityActivated().partitionKey()).isEqualTo(registrationId);
        assertThat(EventFixtures.identityRevoked().partitionKey()).isEqualTo(registrationId);
        assertThat(EventFixtures.activationCodeIssuedV2().partitionKey()).isEqualTo(registrationId);
        assertThat(EventFixtures.approvedV2().partitionKey()).isEqualTo(registrationId);
        assertThat(EventFixtures.deactivationLinkIssuedV2().partitionKey()).isEqualTo(registrationId);
        assertThat(EventFixtures.identityActivatedV2().partitionKey()).isEqualTo(registrationId);
        assertThat(EventFixtures.identityRevokedV2().partitionKey()).isEqualTo(registrationId);
        assertThat(EventFixtures.notificationSent().partitionKey()).isEqualTo(registrationId);
        assertThat(EventFixtures.contactCorrected().partitionKey()).isEqualTo(registrationId);
        assertThat(EventFixtures.registrationWithdrawn().partitionKey())
                .isEqualTo(EventFixtures.OLDER_REGISTRATION_ID.toString());
    }

    @Test
    void tokenVerificationsAreKeyedBySubjectThenJtiThenRelyingParty() {
        Instant now = Instant.parse("2026-11-25T01:12:09Z");

        assertThat(EventFixtures.tokenAccepted().partitionKey()).isEqualTo(EventFixtures.SUBJECT);
        assertThat(new TokenVerified("jti-1", null, "bank-bjb-teller", false, "UNKNOWN_KEY", now).partitionKey())
                .isEqualTo("jti-1");
        assertThat(EventFixtures.malformedTokenRefused().partitionKey()).isEqualTo("rsud-soreang-admisi");
    }
}
