package id.go.dukcapil.ikd.verification.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.web.ProblemException;

/** A counter code as a video call reads it: well signed, of a registration, not expired (the scan checks the rest). */
@ApplicationScoped
public class CallCodes {

    private final SuiteKeyring keyring;

    public CallCodes(SuiteKeyring keyring) {
        this.keyring = keyring;
    }

    public SuiteKeyring.CounterCodeClaims read(String counterCode) {
        if (counterCode == null || counterCode.isBlank() || counterCode.length() > 4096) {
            throw new ProblemException(VerificationProblems.INVALID_COUNTER_CODE);
        }
        SuiteKeyring.CounterCodeClaims claims;
        try {
            claims = keyring.verifyCounterCode(counterCode.strip());
            UUID.fromString(claims.registrationId());
        } catch (SuiteKeyring.InvalidCounterCodeException | IllegalArgumentException e) {
            throw new ProblemException(VerificationProblems.INVALID_COUNTER_CODE);
        }
        if (claims.expired()) {
            throw new ProblemException(VerificationProblems.COUNTER_CODE_EXPIRED,
                    "Buat kode baru di aplikasi IKD, lalu coba lagi.", "Create a new code in the IKD app, then try again.");
        }
        return claims;
    }
}
