package id.go.dukcapil.ikd.verification.portal;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.client.SelfieFetcher;
import id.go.dukcapil.ikd.verification.domain.Labels;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.repository.PopulationRegistry;
import id.go.dukcapil.ikd.verification.service.CaseDossier;
import id.go.dukcapil.ikd.verification.service.CaseGrantIssuer;
import id.go.dukcapil.ikd.verification.service.RegistryComparison;
import id.go.dukcapil.ikd.web.Masking;
import io.smallrye.mutiny.Uni;

/**
 * The case as the call page shows it beside the video, once the code sent in the call was scanned:
 * the registry record in words, the registry photo and the selfie, and what blocks an approval.
 */
@ApplicationScoped
public class CallDossiers {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** A registry remark in both languages. */
    public record Remark(String severity, String wordsId, String wordsEn) {
    }

    public record CallCase(UUID caseId, String status, String nikMasked, String fullName, String birth, String sex,
            String address, String ktpElStatus, String lifeStatus, List<Remark> remarks, boolean approvalBlocked,
            String photo, String selfie) {
    }

    private final CaseGrantIssuer grants;
    private final SelfieFetcher selfies;
    private final PopulationRegistry registry;

    public CallDossiers(CaseGrantIssuer grants, SelfieFetcher selfies, PopulationRegistry registry) {
        this.grants = grants;
        this.selfies = selfies;
        this.registry = registry;
    }

    public Uni<CallCase> of(PortalSession.Signed signed, CaseDossier dossier) {
        VerificationCase c = dossier.verificationCase();
        Uni<SelfieFetcher.Selfie> selfie = grants.issue(signed.principal(), c)
                .chain(grant -> selfies.fetch(c.registrationId, signed.token(), grant.grant(), c.selfieSha256));
        Uni<Optional<PopulationRegistry.RegistryPhoto>> photo = registry.photo(c.nik);
        return Uni.combine().all().unis(selfie, photo).asTuple().map(both -> {
            Optional<Resident> resident = dossier.resident();
            return new CallCase(c.id, Labels.caseStatus(c.status.name()).plain(), Masking.nik(c.nik),
                    resident.map(Resident::fullName).orElse(null),
                    resident.map(r -> r.birthPlace() + ", " + DATE.format(r.birthDate())).orElse(null),
                    resident.map(Resident::sex).orElse(null),
                    resident.map(r -> String.join(", ", r.address(), "RT/RW " + r.rtRw(), r.villageName(), r.districtName(),
                            r.regencyName(), r.provinceName())).orElse(null),
                    resident.map(r -> Labels.registry(r.ktpElStatus()).plain()).orElse(null),
                    resident.map(r -> Labels.registry(r.lifeStatus()).plain()).orElse(null),
                    dossier.flags().stream().map(f -> new Remark(f.severity().name(), f.messageId(), f.messageEn())).toList(),
                    RegistryComparison.blocksApproval(dossier.flags()),
                    both.getItem2().map(p -> PortalPages.dataUri(p.contentType(), p.content())).orElse(null),
                    both.getItem1().content() == null ? null : PortalPages.dataUri(both.getItem1().contentType(), both.getItem1().content()));
        });
    }

}
