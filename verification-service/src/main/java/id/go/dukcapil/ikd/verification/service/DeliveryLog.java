package id.go.dukcapil.ikd.verification.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.events.NotificationStatus;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.repository.DeliveryRepository;
import id.go.dukcapil.ikd.verification.repository.DeliveryRepository.Delivery;
import id.go.dukcapil.ikd.verification.repository.OfficeRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What reached the citizen: notification-service's NotificationStatus events, kept per message,
 * so that the operator at the counter sees whether the PIN email or SMS went out without calling
 * notification-service (issue 17, item 7).
 */
@ApplicationScoped
public class DeliveryLog {

    private final DeliveryRepository repository;
    private final CaseQueries queries;
    private final OfficeRepository offices;

    public DeliveryLog(DeliveryRepository repository, CaseQueries queries, OfficeRepository offices) {
        this.repository = repository;
        this.queries = queries;
        this.offices = offices;
    }

    /** In the consumer's inbox transaction: a redelivered or older status changes nothing. */
    public Uni<Void> onStatus(NotificationStatus status) {
        return repository.record(status);
    }

    /** A case's messages and the zone its office keeps (the times are shown in it). */
    public record CaseDeliveries(UUID caseId, UUID registrationId, OfficeTimeZone zone, List<Delivery> deliveries) {
    }

    /** The messages of a case the operator may see (its office, or central review), oldest first. */
    public Uni<CaseDeliveries> ofCase(OperatorPrincipal principal, UUID caseId) {
        return queries.visible(principal, caseId)
                .chain(c -> Panache.withSession(() -> offices.findById(c.officeCode))
                        .chain(office -> repository.ofRegistration(c.registrationId)
                                .map(list -> new CaseDeliveries(c.id, c.registrationId, office.zone(), list))));
    }

    /** The messages of a registration whose case the caller has already checked. */
    public Uni<List<Delivery>> ofRegistration(UUID registrationId) {
        return repository.ofRegistration(registrationId);
    }
}
