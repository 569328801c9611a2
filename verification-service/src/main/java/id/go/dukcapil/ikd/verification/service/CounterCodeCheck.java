package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.client.CounterCodeConfirmer;
import id.go.dukcapil.ikd.verification.domain.CounterCode;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.repository.CounterCodeRepository;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Which registration a scanned counter code opens, and whether the code may still open it: only
 * the registration's current code, unexpired.
 *
 * <p>This service hears of new codes through CounterCodeIssued, which can still be on its way when
 * the citizen's previous code is scanned: an old code used to open the case right after a new one
 * was issued. Three checks close that:
 * <ul>
 * <li>the signed code carries its sequence ({@code seq}): a code newer than any this service knows
 * is accepted and remembered at once, so every older code stops from then on, event or not;</li>
 * <li>a code older than the newest this service knows is refused (COUNTER_CODE_SUPERSEDED);</li>
 * <li>and the one window left (an old code scanned before the new code's event arrived) is closed
 * by asking registration-service, which issued the new code, whether the scanned one is current:
 * an authoritative read, made before the case's transaction opens. If registration-service cannot
 * answer, the scan is refused with 503 rather than trusting what may be stale.</li>
 * </ul>
 */
@ApplicationScoped
public class CounterCodeCheck {

    public static final Pattern SHORT_CODE = Pattern.compile("^[0-9A-Z-]{4,16}$");

    /** A code resolved to its registration; {@code sequence} 0 when neither the event nor the code told it. */
    public record ScannedCode(UUID codeId, UUID registrationId, int sequence, String shortCode, Instant issuedAt,
            Instant expiresAt, boolean known) {
    }

    private record Claim(UUID codeId, UUID registrationId, String shortCode, boolean expired,
            SuiteKeyring.CounterCodeClaims signed) {
    }

    private final SuiteKeyring keyring;
    private final CounterCodeRepository codes;
    private final CounterCodeConfirmer confirmer;

    public CounterCodeCheck(SuiteKeyring keyring, CounterCodeRepository codes, CounterCodeConfirmer confirmer) {
        this.keyring = keyring;
        this.codes = codes;
        this.confirmer = confirmer;
    }

    /** Reads and resolves the scanned QR payload or typed short code, then confirms it with registration-service. */
    public Uni<ScannedCode> resolve(String qrPayload, String shortCode, String operatorToken) {
        Claim claim;
        try {
            claim = read(qrPayload, shortCode);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        Instant now = Instant.now();
        return Panache.withSession(() -> lookup(claim).chain(code -> codes.latestOf(code.registrationId())
                .map(latest -> {
                    if (latest != null && latest.sequence > code.sequence()) {
                        throw superseded();
                    }
                    if (claim.expired() || !code.expiresAt().isAfter(now)) {
                        throw new ProblemException(VerificationProblems.COUNTER_CODE_EXPIRED,
                                "Minta pemohon membuat kode baru di aplikasi IKD.",
                                "Ask the citizen to create a new code in the IKD app.");
                    }
                    return code;
                })))
                .call(code -> confirmer.isCurrent(code.registrationId(), code.codeId(), operatorToken)
                        .invoke(current -> {
                            if (!current) {
                                throw superseded();
                            }
                        }));
    }

    /**
     * In the case's transaction: remembers a code first seen here (its event still on the way) and
     * refuses it if a newer one arrived meanwhile.
     */
    public Uni<Void> recheck(ScannedCode code) {
        Uni<Void> remembered = code.known() || code.sequence() < 1 ? Uni.createFrom().voidItem()
                : codes.record(toEntity(code));
        return remembered.chain(() -> codes.latestOf(code.registrationId())).invoke(latest -> {
            if (latest != null && latest.sequence > code.sequence() && !latest.codeId.equals(code.codeId())) {
                throw superseded();
            }
        }).replaceWithVoid();
    }

    private Uni<ScannedCode> lookup(Claim claim) {
        if (claim.codeId() == null) {
            return codes.latestByShortCode(claim.shortCode()).map(code -> {
                if (code == null) {
                    throw unknown();
                }
                return known(code);
            });
        }
        return codes.findById(claim.codeId()).map(code -> {
            if (code == null) {
                // signed by registration-service, but its CounterCodeIssued has not arrived yet:
                // the signature and the sequence inside it are enough to place it
                SuiteKeyring.CounterCodeClaims signed = claim.signed();
                return new ScannedCode(claim.codeId(), claim.registrationId(), signed.sequence(), signed.shortCode(),
                        signed.issuedAt(), signed.expiresAt(), false);
            }
            if (!claim.registrationId().equals(code.registrationId)
                    || (claim.shortCode() != null && !claim.shortCode().equalsIgnoreCase(code.shortCode))) {
                throw invalid();
            }
            return known(code);
        });
    }

    private Claim read(String qrPayload, String shortCode) {
        if (qrPayload != null && !qrPayload.isBlank()) {
            try {
                SuiteKeyring.CounterCodeClaims claims = keyring.verifyCounterCode(qrPayload.trim());
                return new Claim(UUID.fromString(claims.codeId()), UUID.fromString(claims.registrationId()),
                        claims.shortCode(), claims.expired(), claims);
            } catch (SuiteKeyring.InvalidCounterCodeException | IllegalArgumentException e) {
                throw invalid();
            }
        }
        String normalised = shortCode == null ? "" : shortCode.trim().toUpperCase();
        if (!SHORT_CODE.matcher(normalised).matches()) {
            throw invalid();
        }
        return new Claim(null, null, normalised, false, null);
    }

    private static ScannedCode known(CounterCode code) {
        return new ScannedCode(code.codeId, code.registrationId, code.sequence, code.shortCode, code.issuedAt,
                code.expiresAt, true);
    }

    private static CounterCode toEntity(ScannedCode scanned) {
        CounterCode code = new CounterCode();
        code.codeId = scanned.codeId();
        code.registrationId = scanned.registrationId();
        code.shortCode = scanned.shortCode() == null ? "" : scanned.shortCode().toUpperCase();
        code.sequence = scanned.sequence();
        code.issuedAt = scanned.issuedAt() == null ? Instant.now() : scanned.issuedAt();
        code.expiresAt = scanned.expiresAt();
        return code;
    }

    static ProblemException invalid() {
        return new ProblemException(VerificationProblems.INVALID_COUNTER_CODE,
                "Kode QR atau kode singkat tidak sah.", "The QR payload or short code is not valid.");
    }

    private static ProblemException unknown() {
        return new ProblemException(VerificationProblems.COUNTER_CODE_UNKNOWN,
                "Minta pemohon menampilkan kode terbaru di aplikasi IKD.",
                "Ask the citizen to show the latest code in the IKD app.");
    }

    private static ProblemException superseded() {
        return new ProblemException(VerificationProblems.COUNTER_CODE_SUPERSEDED,
                "Pemohon sudah meminta kode baru; pindai kode terbaru.",
                "The citizen requested a new code; scan the latest one.");
    }
}
