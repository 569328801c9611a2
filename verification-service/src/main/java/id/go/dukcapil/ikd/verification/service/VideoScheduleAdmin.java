package id.go.dukcapil.ikd.verification.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.domain.VideoSchedule;
import id.go.dukcapil.ikd.verification.domain.WorkingCalendar.Hours;
import id.go.dukcapil.ikd.verification.repository.VideoBookingRepository;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * An office's video-call schedule, managed by admins with the office's other reference data: weekly
 * hours in the office's local time, slot length and capacity (operators on video at once). Audited.
 */
@ApplicationScoped
public class VideoScheduleAdmin {

    private final VideoBookingRepository bookings;
    private final AuditLog audit;

    public VideoScheduleAdmin(VideoBookingRepository bookings, AuditLog audit) {
        this.bookings = bookings;
        this.audit = audit;
    }

    public Uni<VideoSchedule> schedule(String officeCode) {
        return bookings.schedule(officeCode).map(found -> found.orElseThrow(
                () -> new ProblemException(VerificationProblems.OFFICE_NOT_FOUND)));
    }

    /** Replaces the schedule; hours of one weekday must not overlap. Bookings already made keep their slot. */
    @WithTransaction
    public Uni<Void> replace(OperatorPrincipal admin, String officeCode, int slotMinutes, int capacity, List<Hours> hours) {
        List<Hours> sorted = new ArrayList<>(hours);
        sorted.sort(Comparator.comparing(Hours::day).thenComparing(Hours::opens));
        for (int i = 1; i < sorted.size(); i++) {
            Hours before = sorted.get(i - 1);
            Hours next = sorted.get(i);
            if (before.day() == next.day() && next.opens().isBefore(before.closes())) {
                return Uni.createFrom().failure(new ProblemException(CommonProblems.VALIDATION_FAILED,
                        "Jam panggilan video pada " + before.day() + " saling tumpang tindih.",
                        "The video call hours on " + before.day() + " overlap."));
            }
        }
        return bookings.replaceSchedule(officeCode, slotMinutes, capacity, sorted).chain(found -> {
            if (!found) {
                return Uni.createFrom().failure(new ProblemException(VerificationProblems.OFFICE_NOT_FOUND));
            }
            return audit.append("OFFICE_VIDEO_SCHEDULE", admin.username(), admin.officeCode(), officeCode,
                    Map.of("slotMinutes", slotMinutes, "capacity", capacity, "spans", sorted.size()));
        });
    }
}
