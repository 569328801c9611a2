package id.go.dukcapil.ikd.registration.mapping;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.events.CounterCodeIssued;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.registration.domain.Registration;
import id.go.dukcapil.ikd.registration.domain.TimelineEntry;
import id.go.dukcapil.ikd.registration.rest.CounterCodeView;
import id.go.dukcapil.ikd.registration.rest.RegistrationStatusView;
import id.go.dukcapil.ikd.registration.rest.RegistrationUpdate;
import id.go.dukcapil.ikd.registration.rest.TimelineEntryView;
import id.go.dukcapil.ikd.registration.service.CounterCode;

/** Entities never leave the service: these are the shapes they leave in. */
@ApplicationScoped
public class RegistrationMapper {

    public RegistrationSubmitted submitted(Registration registration) {
        return new RegistrationSubmitted(registration.id, registration.nik, registration.email, registration.phone,
                registration.language, registration.deviceKeyJwk, registration.deviceKeyThumbprint,
                registration.shortCode, registration.selfieSha256, registration.submittedAt, registration.supersedes);
    }

    public CounterCodeIssued counterCodeIssued(Registration registration, CounterCode code) {
        return new CounterCodeIssued(registration.id, code.codeId(), code.shortCode(), registration.codeSequence,
                code.issuedAt(), code.expiresAt());
    }

    public CounterCodeView counterCode(CounterCode code, int sequence) {
        return new CounterCodeView(code.payload(), code.shortCode(), sequence, code.expiresAt());
    }

    public TimelineEntryView entry(TimelineEntry entry) {
        return new TimelineEntryView(entry.id, entry.kind.name(), entry.status.name(), entry.at, entry.reasonCode,
                entry.note, entry.channel, entry.messageKind, entry.recipient);
    }

    public RegistrationStatusView status(Registration registration, List<TimelineEntry> timeline) {
        return new RegistrationStatusView(registration.id, registration.status.name(), registration.submittedAt,
                !registration.selfieKept(), timeline.stream().map(this::entry).toList());
    }

    public RegistrationUpdate update(TimelineEntry entry) {
        return new RegistrationUpdate(entry.registrationId, entry.status.name(), entry(entry));
    }
}
