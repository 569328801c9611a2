package id.go.dukcapil.ikd.verification.service;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.ReceiptReference;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.repository.ServiceRegisterRepository;
import id.go.dukcapil.ikd.verification.repository.ServiceRegisterRepository.PublicStatus;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The public check of a receipt's reference, without login: what a stranger holding the receipt
 * may see (status in words, office, dates), never the person. Limited per client address before
 * anything is looked up, so a wrong reference costs the same as a right one.
 */
@ApplicationScoped
public class ReceiptCheck {

    private final ServiceRegisterRepository repository;
    private final PublicRateLimiter limiter;

    public ReceiptCheck(ServiceRegisterRepository repository, PublicRateLimiter limiter) {
        this.repository = repository;
        this.limiter = limiter;
    }

    public Uni<PublicStatus> check(String typedReference, String clientAddress) {
        return limiter.checkReceipt(clientAddress).chain(() -> {
            var reference = ReceiptReference.parse(typedReference);
            if (reference.isEmpty()) {
                return Uni.createFrom().failure(notFound());
            }
            return repository.byReference(reference.get()).map(found -> found.orElseThrow(ReceiptCheck::notFound));
        });
    }

    private static ProblemException notFound() {
        return new ProblemException(VerificationProblems.RECEIPT_NOT_FOUND,
                "Periksa nomor pada tanda terima (contoh: IKD-7K3M-Q9TX-2BHC).",
                "Check the number on the receipt (for example IKD-7K3M-Q9TX-2BHC).");
    }
}
