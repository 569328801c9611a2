package id.go.dukcapil.ikd.verification.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.repository.ComplaintRepository;
import io.smallrye.mutiny.Uni;

/**
 * Complaints in the supervisor's figures: the SLA dashboard and the monthly recap show how many
 * were filed and closed in the period, how many of those closed within the response standard, and
 * how many are open and overdue now. Local dates of the office's zone.
 */
@ApplicationScoped
public class ComplaintFigures {

    private final ComplaintRepository complaints;
    private final Clock clock;

    public ComplaintFigures(ComplaintRepository complaints, Clock clock) {
        this.complaints = complaints;
        this.clock = clock;
    }

    /** @param inTimePercent share of the period's closures within the standard (100 when none closed) */
    public record Summary(String officeCode, long filed, long closed, long closedInTime, long open, long overdue,
            long inTimePercent) {
    }

    /** The office's complaints from {@code from} to {@code to} (local dates, both included). */
    public Uni<Summary> summary(String officeCode, LocalDate from, LocalDate to) {
        return complaints.office(officeCode).chain(office -> {
            ZoneId zone = office.map(o -> OfficeTimeZone.valueOf(o.timeZone().name()).zoneId())
                    .orElse(OfficeTimeZone.WIB.zoneId());
            return complaints.figures(officeCode, from.atStartOfDay(zone).toInstant(),
                    to.plusDays(1).atStartOfDay(zone).toInstant(), clock.instant());
        }).map(f -> new Summary(officeCode, f.filed(), f.closed(), f.closedInTime(), f.open(), f.overdue(),
                f.closed() == 0 ? 100 : Math.round(100.0 * f.closedInTime() / f.closed())));
    }
}
