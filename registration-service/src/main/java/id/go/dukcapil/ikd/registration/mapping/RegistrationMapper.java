package id.go.dukcapil.ikd.registration.mapping;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.events.CounterCodeIssued;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.registration.domain.Registration;
import id.go.dukcapil.ikd.registration.domain.CounterCode;

/** Entities never leave the service: these are the events they leave in (REST views map themselves, in rest). */
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

}
