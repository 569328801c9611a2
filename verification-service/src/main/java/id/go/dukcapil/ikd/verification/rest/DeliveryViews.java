package id.go.dukcapil.ikd.verification.rest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.go.dukcapil.ikd.verification.domain.DeliveryLabels;
import id.go.dukcapil.ikd.web.Bilingual;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.repository.DeliveryRepository.Delivery;
import id.go.dukcapil.ikd.verification.service.DeliveryLog.CaseDeliveries;

/** The delivery table of a case as JSON and as the case page shows it. */
public final class DeliveryViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private DeliveryViews() {
    }

    /**
     * One message to the citizen, latest attempt: {@code kind}, {@code status} and {@code channel}
     * as codes and in words; {@code lastAtLocal} in the office's zone with its name.
     */
    public record DeliveryView(UUID notificationId, String kind, Bilingual kindText, String channel, Bilingual channelText,
            String status, Bilingual statusText, String reason, int attempt, String recipientMasked, Instant firstAt,
            Instant lastAt, String lastAtLocal) {
    }

    @Schema(example = """
            {"caseId": "c0a8f3e2-4b1d-4e7a-9f26-3d5b8c1e7a40", "registrationId": "2b9c7e41-0d5a-4c3f-8e6b-1a2f3d4c5b6e", "timeZone": "WITA",
             "deliveries": [{"notificationId": "8d3f1c2a-6b7e-4f10-9a2d-5c4b3e2f1a09", "kind": "ACTIVATION_CODE",
                            "kindText": {"id": "PIN aktivasi", "en": "Activation PIN"}, "channel": "EMAIL",
                            "channelText": {"id": "Email", "en": "Email"}, "status": "SENT", "statusText": {"id": "Terkirim", "en": "Sent"},
                            "reason": null, "attempt": 1, "recipientMasked": "s***@example.id", "firstAt": "2026-12-04T02:18:05Z",
                            "lastAt": "2026-12-04T02:18:09Z", "lastAtLocal": "04-12-2026 10:18 WITA"}]}""")
    public record CaseDeliveriesView(UUID caseId, UUID registrationId, String timeZone, List<DeliveryView> deliveries) {
    }

    public static CaseDeliveriesView of(CaseDeliveries d) {
        return new CaseDeliveriesView(d.caseId(), d.registrationId(), d.zone().name(),
                d.deliveries().stream().map(x -> view(x, d.zone())).toList());
    }

    public static DeliveryView view(Delivery d, OfficeTimeZone zone) {
        return new DeliveryView(d.notificationId(), d.kind(), DeliveryLabels.kind(d.kind()), d.channel(),
                DeliveryLabels.channel(d.channel()), d.status(), DeliveryLabels.status(d.status()),
                d.reason(), d.attempt(), d.recipientMasked(), d.firstAt(), d.lastAt(),
                TIME.format(d.lastAt().atZone(zone.zoneId())) + " " + zone.name());
    }
}
