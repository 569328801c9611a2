package id.go.dukcapil.ikd.verification.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.ServiceAction;
import id.go.dukcapil.ikd.verification.domain.ServiceLogEntry;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.repository.ServiceLogRepository;
import io.smallrye.mutiny.Uni;

/** Writes the buku pelayanan in the caller's transaction. */
@ApplicationScoped
public class ServiceBook {

    private final ServiceLogRepository entries;

    public ServiceBook(ServiceLogRepository entries) {
        this.entries = entries;
    }

    /** An action that measures no SOP step. */
    public Uni<Void> record(VerificationCase c, ServiceAction action, OperatorPrincipal by, String officeCode,
            Instant at, String note) {
        return record(c, action, by, officeCode, at, null, null, null, note);
    }

    /** An action that ends an SOP step: its duration and the office's standard for it. */
    public Uni<Void> record(VerificationCase c, ServiceAction action, OperatorPrincipal by, String officeCode,
            Instant at, Integer sopStep, Instant stepStarted, Integer standardMinutes, String note) {
        ServiceLogEntry entry = new ServiceLogEntry();
        entry.occurredAt = at;
        entry.officeCode = officeCode;
        entry.operatorId = by == null ? null : by.id();
        entry.operatorUsername = by == null ? null : by.username();
        entry.caseId = c.id;
        entry.registrationId = c.registrationId;
        entry.action = action;
        entry.sopStep = sopStep;
        if (stepStarted != null) {
            entry.durationSeconds = Math.max(0, Duration.between(stepStarted, at).toSeconds());
            entry.standardSeconds = standardMinutes == null ? null : standardMinutes * 60L;
        }
        entry.note = note;
        return entries.persist(entry).replaceWithVoid();
    }
}
