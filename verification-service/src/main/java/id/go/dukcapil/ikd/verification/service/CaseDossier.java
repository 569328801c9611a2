package id.go.dukcapil.ikd.verification.service;

import java.util.List;
import java.util.Optional;

import id.go.dukcapil.ikd.verification.domain.CaseDecision;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;

/**
 * A case with everything the operator compares: its office, the registry record, the flags, the
 * decision, and the other open registrations of the same NIK (the operator approves the one on
 * the citizen's phone; the others close then).
 */
public record CaseDossier(VerificationCase verificationCase, Office office, Optional<Resident> resident,
        List<RegistryComparison.Flag> flags, Optional<CaseDecision> decision, List<VerificationCase> otherOpenCases) {
}
