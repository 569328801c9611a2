package id.go.dukcapil.ikd.verification.service;

import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.web.ProblemException;

/** A case's state refusing a step: the same answers from the queries, the scan and the decisions. */
final class CaseProblems {

    private CaseProblems() {
    }

    static ProblemException notFound() {
        return new ProblemException(VerificationProblems.CASE_NOT_FOUND);
    }

    static ProblemException anotherOffice() {
        return new ProblemException(VerificationProblems.CASE_OF_ANOTHER_OFFICE);
    }

    static ProblemException alreadyDecided() {
        return new ProblemException(VerificationProblems.CASE_ALREADY_DECIDED,
                "Satu kasus hanya dapat diputuskan sekali.", "A case can be decided only once.");
    }

    static ProblemException closed() {
        return new ProblemException(VerificationProblems.CASE_CLOSED,
                "Registrasi ditarik atau diganti registrasi yang lebih baru.",
                "The registration was withdrawn or replaced by a newer one.");
    }
}
