package id.go.dukcapil.ikd.verification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.verification.domain.Complaint;
import id.go.dukcapil.ikd.verification.domain.ComplaintStatus;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.repository.ComplaintRepository;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The office's work on its complaints (portal): list, detail with history, assign, note, move the
 * status on (Verifikasi Aduan, Mediasi, Koordinasi) and close with an answer. Every status change
 * and the closure tell the citizen (ComplaintUpdated through the outbox, in the same transaction);
 * assignments and notes stay inside the office. An operator sees only their office's complaints.
 */
@ApplicationScoped
public class ComplaintDesk {

    private static final Logger LOG = Logger.getLogger(ComplaintDesk.class);
    public static final int MAX_LIST = 200;

    private final ComplaintRepository complaints;
    private final ComplaintService service;
    private final Clock clock;

    public ComplaintDesk(ComplaintRepository complaints, ComplaintService service, Clock clock) {
        this.complaints = complaints;
        this.service = service;
        this.clock = clock;
    }

    public record Detail(Complaint complaint, List<Complaint.Note> history) {
    }

    public Uni<List<Complaint>> list(OperatorPrincipal principal, ComplaintStatus status) {
        return complaints.forOffice(principal.officeCode(), status, MAX_LIST);
    }

    public Uni<Detail> detail(OperatorPrincipal principal, UUID id) {
        return complaints.byId(id).map(found -> own(principal, found.orElseThrow(ComplaintDesk::notFound)))
                .chain(c -> complaints.notes(id).map(notes -> new Detail(c, notes)));
    }

    public Uni<Detail> assign(OperatorPrincipal principal, UUID id, String assignee, String note) {
        return change(principal, id, c -> {
            requireOpen(c);
            return new Change(with(c, c.status(), ComplaintService.blankToNull(assignee), null), null,
                    ComplaintService.blankToNull(assignee), false);
        }, note);
    }

    public Uni<Detail> note(OperatorPrincipal principal, UUID id, String note) {
        if (ComplaintService.blankToNull(note) == null) {
            return Uni.createFrom().failure(new ProblemException(VerificationProblems.NOTE_REQUIRED,
                    "Tulis catatannya.", "Write the note."));
        }
        return change(principal, id, c -> new Change(with(c, c.status(), c.assignee(), null), null, null, false), note);
    }

    public Uni<Detail> move(OperatorPrincipal principal, UUID id, ComplaintStatus next, String note) {
        if (next == ComplaintStatus.CLOSED) {
            return Uni.createFrom().failure(new ProblemException(VerificationProblems.ANSWER_REQUIRED));
        }
        return change(principal, id, c -> {
            requireOpen(c);
            if (!c.status().canMoveTo(next)) {
                throw new ProblemException(VerificationProblems.COMPLAINT_STATUS_NOT_ALLOWED,
                        "Aduan hanya bergerak maju: " + c.status().words().id() + " → " + next.words().id() + " tidak mungkin.",
                        "A complaint only moves forward: " + c.status().words().en() + " → " + next.words().en() + " is not possible.");
            }
            return new Change(with(c, next, c.assignee(), null), next, null, true);
        }, note);
    }

    public Uni<Detail> close(OperatorPrincipal principal, UUID id, String answer) {
        String text = ComplaintService.blankToNull(answer);
        if (text == null) {
            return Uni.createFrom().failure(new ProblemException(VerificationProblems.ANSWER_REQUIRED));
        }
        return change(principal, id, c -> {
            requireOpen(c);
            return new Change(with(c, ComplaintStatus.CLOSED, c.assignee(), text), ComplaintStatus.CLOSED, null, true);
        }, null);
    }

    private record Change(Complaint after, ComplaintStatus status, String assignee, boolean tellCitizen) {
    }

    private interface Step {
        Change apply(Complaint current);
    }

    private Uni<Detail> change(OperatorPrincipal principal, UUID id, Step step, String note) {
        Instant now = clock.instant();
        return complaints.pool().withTransaction(tx -> complaints.lock(tx, id).chain(found -> {
            Complaint current = own(principal, found.orElseThrow(ComplaintDesk::notFound));
            Change change = step.apply(current);
            Complaint after = stamped(change.after(), now);
            String text = change.status() == ComplaintStatus.CLOSED ? after.answer() : ComplaintService.blankToNull(note);
            return complaints.update(tx, after)
                    .chain(() -> complaints.addNote(tx, id, new Complaint.Note(principal.username(), change.status(),
                            change.assignee(), text, now)))
                    .chain(() -> change.tellCitizen() ? tell(tx, after) : Uni.createFrom().voidItem())
                    .invoke(() -> LOG.infof("complaint %s: %s by %s", after.ticket(), after.status(), principal.username()));
        })).chain(() -> detail(principal, id));
    }

    private Uni<Void> tell(SqlConnection tx, Complaint c) {
        return complaints.office(tx, c.officeCode()).chain(office -> service.announce(tx, c, office.orElseThrow()));
    }

    private static Complaint with(Complaint c, ComplaintStatus status, String assignee, String answer) {
        return new Complaint(c.id(), c.ticket(), c.officeCode(), c.officeName(), c.zone(), c.category(), c.body(),
                c.registrationReference(), c.email(), c.phone(), c.language(), status, assignee,
                answer == null ? c.answer() : answer, c.filedAt(), c.dueAt(), c.updatedAt(), c.closedAt());
    }

    private static Complaint stamped(Complaint c, Instant now) {
        return new Complaint(c.id(), c.ticket(), c.officeCode(), c.officeName(), c.zone(), c.category(), c.body(),
                c.registrationReference(), c.email(), c.phone(), c.language(), c.status(), c.assignee(), c.answer(),
                c.filedAt(), c.dueAt(), now, c.status() == ComplaintStatus.CLOSED ? now : null);
    }

    private static void requireOpen(Complaint c) {
        if (!c.status().open()) {
            throw new ProblemException(VerificationProblems.COMPLAINT_CLOSED);
        }
    }

    private static Complaint own(OperatorPrincipal principal, Complaint c) {
        if (!c.officeCode().equals(principal.officeCode())) {
            throw new ProblemException(VerificationProblems.COMPLAINT_OF_ANOTHER_OFFICE);
        }
        return c;
    }

    private static ProblemException notFound() {
        return new ProblemException(VerificationProblems.COMPLAINT_NOT_FOUND);
    }
}
