package id.go.dukcapil.ikd.registration.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.registration.domain.Registration;
import id.go.dukcapil.ikd.registration.domain.RegistrationStatus;
import id.go.dukcapil.ikd.registration.mapping.RegistrationMapper;
import id.go.dukcapil.ikd.registration.repository.RegistrationRepository;
import id.go.dukcapil.ikd.registration.service.credentials.CounterCodeSigner;
import id.go.dukcapil.ikd.registration.service.problems.RegistrationProblems;
import id.go.dukcapil.ikd.registration.service.ratelimit.RateLimiter;
import id.go.dukcapil.ikd.registration.service.ratelimit.RateLimiter.Action;
import id.go.dukcapil.ikd.web.VertxContexts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** SOP step 3: a fresh counter code for the QR of a registration awaiting verification. */
@ApplicationScoped
public class CounterCodes {

    private final RegistrationRepository registrations;
    private final Outbox outbox;
    private final RegistrationMapper mapper;
    private final CounterCodeSigner signer;
    private final RateLimiter rateLimiter;

    public CounterCodes(RegistrationRepository registrations, Outbox outbox, RegistrationMapper mapper,
            CounterCodeSigner signer, RateLimiter rateLimiter) {
        this.registrations = registrations;
        this.outbox = outbox;
        this.mapper = mapper;
        this.signer = signer;
        this.rateLimiter = rateLimiter;
    }

    /**
     * A fresh code for the QR; the previous one stops working (highest sequence wins). The code is
     * signed with its sequence inside the transaction that locks the registration, so two requests
     * at once cannot sign the same sequence.
     */
    public Uni<IssuedCode> issue(UUID id, String clientAddress) {
        return rateLimiter.checkAddress(Action.COUNTER_CODE, clientAddress)
                .chain(() -> Panache.withSession(() -> registrations.findById(id)))
                .invoke(CounterCodes::requirePending)
                .call(registration -> rateLimiter.checkDevice(Action.COUNTER_CODE, registration.deviceKeyThumbprint))
                .chain(() -> Panache.withTransaction(() -> registrations.findForUpdate(id).chain(registration -> {
                    requirePending(registration);
                    int sequence = registration.codeSequence + 1;
                    return VertxContexts.onWorker(() -> signer.issue(id, sequence)).chain(code -> {
                        registration.codeSequence = sequence;
                        registration.codeId = code.codeId();
                        registration.shortCode = code.shortCode();
                        registration.codeExpiresAt = code.expiresAt();
                        registration.updatedAt = code.issuedAt();
                        return outbox.append(mapper.counterCodeIssued(registration, code))
                                .replaceWith(new IssuedCode(code, registration.codeSequence));
                    });
                })));
    }

    private static void requirePending(Registration registration) {
        if (registration.status != RegistrationStatus.PENDING_VERIFICATION) {
            throw RegistrationProblems.notPending(registration.status);
        }
    }
}
