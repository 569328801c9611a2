package id.go.dukcapil.ikd.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Realistic samples of every event: one citizen (a woman from Kabupaten Bandung, NIK day of birth
 * + 40) going through the whole journey, plus the alternative branches (rejection, revocation by
 * a new device, a refused token).
 */
final class EventFixtures {

    static final UUID REGISTRATION_ID = UUID.fromString("0193f1a2-7c4e-7b8a-9d10-2f3e4a5b6c7d");
    static final UUID OLDER_REGISTRATION_ID = UUID.fromString("0193e0b7-1a2b-7c3d-8e4f-5a6b7c8d9e0f");
    static final UUID CASE_ID = UUID.fromString("0193f1b0-0c1d-7e2f-8a3b-4c5d6e7f8091");
    static final UUID ACTIVATION_ID = UUID.fromString("0193f1b3-5d6e-7f80-9a1b-2c3d4e5f6071");
    static final UUID IDENTITY_ID = UUID.fromString("0193f1c4-2b3c-7d4e-8f50-6172839405a6");
    static final UUID NEW_IDENTITY_ID = UUID.fromString("0194a2d5-3c4d-7e5f-8061-728394a5b6c7");
    static final UUID NOTIFICATION_ID = UUID.fromString("0193f1b3-9e8d-7c6b-8a59-4837261504f3");

    static final String NIK = "3204125705900003";
    static final String EMAIL = "siti.rahmawati@example.id";
    static final String PHONE = "+6281234567890";
    static final String LANGUAGE = "id";
    static final String SUBJECT = "ikd_5q8Zt3Nw0Lr2Xv7Kc4Hj";

    static final String DEVICE_KEY_JWK = "{\"kty\":\"EC\",\"crv\":\"P-256\","
            + "\"x\":\"9lPZ3-LKzfYQOp2mO9i-Fa7-uX7U9GBUnhiVmI8d6jI\","
            + "\"y\":\"QZXZoqHMPJ22lSNHcXkl_SKkiAiUsAFXmqpliTeEfyQ\"}";
    /** RFC 7638 thumbprint of {@link #DEVICE_KEY_JWK}. */
    static final String DEVICE_KEY_THUMBPRINT = "SyLyvL01Qigd028mdQ9-MKHz30tIc3k3iLoz0iWeJwg";

    /** A compact JWE (ECDH-ES+A256KW, A256GCM): header . encrypted key . iv . ciphertext . tag. */
    static final String SEALED_SECRETS = "eyJhbGciOiJFQ0RILUVTK0EyNTZLVyIsImVuYyI6IkEyNTZHQ00iLCJraWQiOiJub3RpZmllci0yMDI2LTExIiwi"
            + "ZXBrIjp7Imt0eSI6IkVDIiwiY3J2IjoiUC0yNTYiLCJ4IjoiOWxQWjMtTEt6ZllRT3AybU85aS1GYTctdVg3VTlHQlVuaGlWbUk4ZDZqSSIs"
            + "InkiOiJRWlhab3FITVBKMjJsU05IY1hrbF9TS2tpQWlVc0FGWG1xcGxpVGVFZnlRIn19"
            + ".qlO_mlEp8GbiAgVXiLGNpOTAuAiMgWq5I-YfT86qeJmcPgOQOXdq1g"
            + ".reO4QkcI_SqYC4V6"
            + ".IkTUFQSDClBmfSLVUdylfXahIopmfj_a10OQnvzcfPozaklTl6i-mJok40TgfweRm1IH-qyYb8_kom2WO4Zsu72x5T-VLYwKqzRO4LEpSd_n7"
            + "gh_qW_UozbRWl5KFHydUU-yqlybqfjqBbmCAYk6P1TQXCLQl5A2nnEjoweetqC3nDOVCDv13BwHAxvxVf0Ne_byIguW"
            + ".yXKwgXwHwzAzNBbBTlnfTw";

    private EventFixtures() {
    }

    static OfficeContact office() {
        return new OfficeContact(
                "3204-DISDUKCAPIL",
                "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bandung",
                "Jl. Raya Soreang KM 17, Soreang, Kabupaten Bandung, Jawa Barat 40912",
                "+62225891234",
                "disdukcapil@bandungkab.go.id",
                "+6281122334455",
                "https://disdukcapil.bandungkab.go.id");
    }

    static VerifiedAttributes attributes() {
        return new VerifiedAttributes(
                NIK,
                "SITI NURHALIZA RAHMAWATI",
                "BANDUNG",
                LocalDate.of(1990, 5, 17),
                "PEREMPUAN",
                "JL. RAYA DAYEUHKOLOT NO. 45",
                "003/007",
                "DAYEUHKOLOT",
                "32.04.12",
                "DAYEUHKOLOT",
                "KABUPATEN BANDUNG",
                "JAWA BARAT",
                "ISLAM",
                "KAWIN",
                "KARYAWAN SWASTA",
                "WNI",
                "PRINTED",
                "55c64d0fcd6f9d5f7c828093857e3fdfda68478bb4e9bd24d481ef391c7804e8");
    }

    static RegistrationSubmitted registrationSubmitted() {
        return new RegistrationSubmitted(
                REGISTRATION_ID, NIK, EMAIL, PHONE, LANGUAGE, DEVICE_KEY_JWK, DEVICE_KEY_THUMBPRINT,
                "K7Q-4MZP",
                "e1395a78ab32be3c4d539e45552b19a94549a8369f1b293ef3d3ccd2a68181a3",
                Instant.parse("2026-11-20T02:15:30.412Z"),
                OLDER_REGISTRATION_ID);
    }

    static RegistrationWithdrawn registrationWithdrawn() {
        return new RegistrationWithdrawn(OLDER_REGISTRATION_ID, WithdrawalReason.SUPERSEDED,
                Instant.parse("2026-11-20T02:15:30.412Z"), REGISTRATION_ID);
    }

    static CentralReviewChanged centralReviewPending() {
        return new CentralReviewChanged(REGISTRATION_ID, UUID.fromString("0193f1a3-2222-7333-8444-955566677788"),
                CentralReviewState.PENDING, Instant.parse("2026-11-23T02:15:30Z"), Instant.parse("2026-11-20T02:15:30Z"));
    }

    static CentralReviewChanged centralReviewReturned() {
        return new CentralReviewChanged(REGISTRATION_ID, UUID.fromString("0193f1a3-2222-7333-8444-955566677788"),
                CentralReviewState.RETURNED, null, Instant.parse("2026-11-20T04:00:00Z"));
    }

    static CounterCodeIssued counterCodeIssued() {
        return new CounterCodeIssued(REGISTRATION_ID, UUID.fromString("0193f1a3-1111-7222-8333-944455566677"),
                "K7M2-Q9XD", 2, Instant.parse("2026-11-20T03:15:00Z"), Instant.parse("2026-11-20T03:25:00Z"));
    }

    static VerificationDecided approved() {
        return new VerificationDecided(
                REGISTRATION_ID, CASE_ID, Decision.APPROVED, null, null,
                Channel.COUNTER, null, office(), "op-7d41c2e9",
                Instant.parse("2026-11-20T03:02:11Z"),
                EMAIL, PHONE, LANGUAGE, DEVICE_KEY_JWK, attributes());
    }

    static VerificationDecided rejected() {
        return new VerificationDecided(
                REGISTRATION_ID, CASE_ID, Decision.REJECTED, RejectionReason.FACE_MISMATCH,
                "Wajah pada video tidak sesuai dengan foto KTP-el. Silakan datang ke kantor Disdukcapil.",
                Channel.VIDEO_CALL, "vc-20261120-0042", office(), "op-7d41c2e9",
                Instant.parse("2026-11-20T03:02:11Z"),
                EMAIL, PHONE, LANGUAGE, null, null);
    }

    static VerificationDecidedV2 approvedV2() {
        return approved().withoutContact();
    }

    static VerificationDecidedV2 rejectedV2() {
        return rejected().withoutContact();
    }

    static VerificationDecidedV3 approvedV3() {
        return approvedV2().withoutCard();
    }

    static VerificationDecidedV3 rejectedV3() {
        return rejectedV2().withoutCard();
    }

    static CardApproved cardApproved() {
        return approvedV2().card().orElseThrow();
    }

    static ActivationCodeIssued activationCodeIssued() {
        return new ActivationCodeIssued(
                REGISTRATION_ID, ACTIVATION_ID, SEALED_SECRETS,
                Instant.parse("2026-11-21T03:02:12Z"), 1,
                EMAIL, PHONE, LANGUAGE, office());
    }

    static DeactivationLinkIssued deactivationLinkIssued() {
        return new DeactivationLinkIssued(
                REGISTRATION_ID, UUID.fromString("0194b3e6-4d5e-7f60-8172-8394a5b6c7d8"), SEALED_SECRETS,
                Instant.parse("2026-11-21T03:32:12Z"), EMAIL, PHONE, LANGUAGE, office());
    }

    static IdentityActivated identityActivated() {
        return new IdentityActivated(
                IDENTITY_ID, REGISTRATION_ID, SUBJECT, attributes(), DEVICE_KEY_THUMBPRINT,
                Instant.parse("2026-11-20T03:20:45.118Z"),
                EMAIL, PHONE, LANGUAGE, office());
    }

    static IdentityRevoked identityRevoked() {
        return new IdentityRevoked(
                IDENTITY_ID, REGISTRATION_ID, SUBJECT, RevocationReason.REPLACED_BY_NEW_DEVICE, NEW_IDENTITY_ID,
                Instant.parse("2027-02-03T09:41:00Z"),
                EMAIL, PHONE, LANGUAGE, office());
    }

    static IdentityRevoked identityRevokedByOperator() {
        return new IdentityRevoked(
                IDENTITY_ID, REGISTRATION_ID, SUBJECT, RevocationReason.OPERATOR, null,
                Instant.parse("2027-02-03T09:41:00Z"),
                EMAIL, PHONE, "en", office());
    }

    static ActivationCodeIssuedV2 activationCodeIssuedV2() {
        return activationCodeIssued().withoutContact();
    }

    static DeactivationLinkIssuedV2 deactivationLinkIssuedV2() {
        return deactivationLinkIssued().withoutContact();
    }

    /** The NIK masked as token-service's {@code Masking.nik} masks it. */
    static final String NIK_MASKED = "320412********03";

    static IdentityActivatedV2 identityActivatedV2() {
        return identityActivated().withoutContact(NIK_MASKED);
    }

    static IdentityRevokedV2 identityRevokedV2() {
        return identityRevoked().withoutContact();
    }

    static IdentityRevokedV2 identityRevokedByOperatorV2() {
        return identityRevokedByOperator().withoutContact();
    }

    static NotificationStatus notificationSent() {
        return new NotificationStatus(
                NOTIFICATION_ID, REGISTRATION_ID, "0193f1b3-5d6e-7f80-9a1b-2c3d4e5f6099", "ACTIVATION_CODE",
                NotificationChannel.EMAIL, DeliveryStatus.SENT, null, 1, "s***@example.id",
                Instant.parse("2026-11-20T03:02:14.903Z"));
    }

    static NotificationStatus notificationRetrying() {
        return new NotificationStatus(
                NOTIFICATION_ID, REGISTRATION_ID, "0193f1b3-5d6e-7f80-9a1b-2c3d4e5f6099", "VERIFICATION_REJECTED",
                NotificationChannel.SMS, DeliveryStatus.RETRYING, "gateway timeout after 10 s", 2, "+62812****7890",
                Instant.parse("2026-11-20T03:03:20Z"));
    }

    static ContactCorrected contactCorrected() {
        return new ContactCorrected(UUID.fromString("0193f1d0-4e5f-7a6b-8c7d-9e0f1a2b3c4d"), REGISTRATION_ID,
                "siti.baru@example.id", PHONE, EMAIL, null, LANGUAGE, office(),
                Instant.parse("2026-11-21T02:30:00Z"));
    }

    static TokenVerified tokenAccepted() {
        return new TokenVerified("01KAQ7Z8X3M5N2P4R6T8V0W2Y4", SUBJECT, "bank-bjb-teller", true, null,
                Instant.parse("2026-11-25T01:12:09.377Z"));
    }

    static TokenVerified tokenRefused() {
        return new TokenVerified("01KAQ7Z8X3M5N2P4R6T8V0W2Y4", SUBJECT, "rsud-soreang-admisi", false, "REPLAYED",
                Instant.parse("2026-11-25T01:12:40Z"));
    }

    static TokenVerified malformedTokenRefused() {
        return new TokenVerified(null, null, "rsud-soreang-admisi", false, "MALFORMED",
                Instant.parse("2026-11-25T01:13:02Z"));
    }

    static ComplaintUpdated complaintFiled() {
        return new ComplaintUpdated(UUID.fromString("0194b1c2-0d1e-7f20-8a31-425364758697"), "ADU-3204-DISDUKCAPIL-20261120-3",
                "RECEIVED", office(), LANGUAGE, EMAIL, null, null, Instant.parse("2026-11-27T09:00:00Z"),
                Instant.parse("2026-11-20T03:01:02Z"));
    }

    static ComplaintUpdated complaintClosed() {
        return new ComplaintUpdated(UUID.fromString("0194b1c2-0d1e-7f20-8a31-425364758697"), "ADU-3204-DISDUKCAPIL-20261120-3",
                "CLOSED", office(), "en", null, PHONE, "Your KTP-el was reprinted; collect it at the counter.",
                Instant.parse("2026-11-27T09:00:00Z"), Instant.parse("2026-11-24T05:30:00Z"));
    }

    static ComplaintUpdatedV2 complaintClosedV2() {
        return complaintClosed().onItsOwnTopic();
    }

    static VideoCallBooked videoCallBooked() {
        return new VideoCallBooked(REGISTRATION_ID, UUID.fromString("0194c3d4-1e2f-7a30-8b41-526374859607"), office(),
                Instant.parse("2026-12-07T01:15:00Z"), Instant.parse("2026-12-07T01:30:00Z"), IndonesianTimeZone.WITA,
                VideoCallBooked.Status.BOOKED, null, Instant.parse("2026-12-05T03:00:00Z"));
    }

    static VideoCallBooked videoCallMoved() {
        return new VideoCallBooked(REGISTRATION_ID, UUID.fromString("0194c3d4-1e2f-7a30-8b41-526374859607"), office(),
                Instant.parse("2026-12-08T02:00:00Z"), Instant.parse("2026-12-08T02:15:00Z"), IndonesianTimeZone.WITA,
                VideoCallBooked.Status.MOVED, Instant.parse("2026-12-07T01:15:00Z"), Instant.parse("2026-12-05T04:00:00Z"));
    }

    /** Every sample; each {@link EventType} has at least one (checked by a test). */
    static List<IkdEvent> all() {
        return List.of(
                registrationSubmitted(), registrationWithdrawn(), counterCodeIssued(),
                approved(), rejected(), approvedV2(), rejectedV2(), approvedV3(), rejectedV3(), cardApproved(),
                centralReviewPending(), centralReviewReturned(), contactCorrected(),
                activationCodeIssued(), activationCodeIssuedV2(),
                deactivationLinkIssued(), deactivationLinkIssuedV2(),
                identityActivated(), identityActivatedV2(),
                identityRevoked(), identityRevokedByOperator(), identityRevokedV2(), identityRevokedByOperatorV2(),
                notificationSent(), notificationRetrying(),
                tokenAccepted(), tokenRefused(), malformedTokenRefused(),
                complaintFiled(), complaintClosed(), complaintClosedV2(), videoCallBooked(), videoCallMoved());
    }
}
