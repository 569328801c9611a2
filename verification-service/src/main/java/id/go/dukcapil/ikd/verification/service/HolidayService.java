package id.go.dukcapil.ikd.verification.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.verification.domain.Holiday;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.repository.CalendarRepository;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** National holidays and cuti bersama of the working-day calendar, kept by admins; every change audited. */
@ApplicationScoped
public class HolidayService {

    private static final Logger LOG = Logger.getLogger(HolidayService.class);

    private final CalendarRepository calendar;
    private final AuditLog audit;

    public HolidayService(CalendarRepository calendar, AuditLog audit) {
        this.calendar = calendar;
        this.audit = audit;
    }

    public Uni<List<Holiday>> list(int year) {
        return calendar.holidays(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public Uni<Holiday> add(OperatorPrincipal admin, Holiday holiday) {
        return Panache.withTransaction(() -> calendar.add(holiday).chain(added -> {
            if (!added) {
                throw new ProblemException(VerificationProblems.HOLIDAY_EXISTS);
            }
            LOG.infof("holiday %s (%s) added by %s", holiday.day(), holiday.kind(), admin.username());
            return audit.append("HOLIDAY_ADDED", admin.username(), admin.officeCode(), holiday.day().toString(),
                    Map.of("kind", holiday.kind().name(), "name", holiday.name()));
        })).replaceWith(holiday);
    }

    public Uni<Void> remove(OperatorPrincipal admin, LocalDate day) {
        return Panache.withTransaction(() -> calendar.remove(day).chain(removed -> {
            if (!removed) {
                throw new ProblemException(VerificationProblems.HOLIDAY_NOT_FOUND);
            }
            LOG.infof("holiday %s removed by %s", day, admin.username());
            return audit.append("HOLIDAY_REMOVED", admin.username(), admin.officeCode(), day.toString(), Map.of());
        }));
    }
}
