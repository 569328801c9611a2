package id.go.dukcapil.ikd.verification.rest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

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

    /** A text in both languages. */
    public record Words(String id, String en) {
        static Words of(Bilingual label) {
            return new Words(label.id(), label.en());
        }
    }

    /**
     * One message to the citizen, latest attempt: {@code kind}, {@code status} and {@code channel}
     * as codes and in words; {@code lastAtLocal} in the office's zone with its name.
     */
    public record DeliveryView(UUID notificationId, String kind, Words kindText, String channel, Words channelText,
            String status, Words statusText, String reason, int attempt, String recipientMasked, Instant firstAt,
            Instant lastAt, String lastAtLocal) {
    }

    public record CaseDeliveriesView(UUID caseId, UUID registrationId, String timeZone, List<DeliveryView> deliveries) {
    }

    public static CaseDeliveriesView of(CaseDeliveries d) {
        return new CaseDeliveriesView(d.caseId(), d.registrationId(), d.zone().name(),
                d.deliveries().stream().map(x -> view(x, d.zone())).toList());
    }

    public static DeliveryView view(Delivery d, OfficeTimeZone zone) {
        return new DeliveryView(d.notificationId(), d.kind(), Words.of(DeliveryLabels.kind(d.kind())), d.channel(),
                Words.of(DeliveryLabels.channel(d.channel())), d.status(), Words.of(DeliveryLabels.status(d.status())),
                d.reason(), d.attempt(), d.recipientMasked(), d.firstAt(), d.lastAt(),
                TIME.format(d.lastAt().atZone(zone.zoneId())) + " " + zone.name());
    }
}
