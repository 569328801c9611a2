package id.go.dukcapil.ikd.activation.crypto;

import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.activation.config.ActivationConfig;
import id.go.dukcapil.ikd.web.ProofOfWork;

/**
 * The activation page's captcha: the suite's one proof-of-work mechanism ({@link ProofOfWork},
 * ALTCHA) under a key of its own derived from the service key. Single use is the caller's, which
 * records accepted challenges.
 */
@ApplicationScoped
public class ProofOfWorkCaptcha {

    private final ProofOfWork proofOfWork;

    public ProofOfWorkCaptcha(KeyedHasher hasher, ActivationConfig config, Clock clock) {
        // a key of its own, derived from the service key, so a captcha signature can never stand for another hash
        this.proofOfWork = new ProofOfWork(HexFormat.of().formatHex(hasher.hash(KeyedHasher.CAPTCHA, "altcha-hmac-key")),
                config.captcha().maxNumber(), config.captcha().validity(), clock);
    }

    public ProofOfWork.Challenge issue() {
        return proofOfWork.issue();
    }

    /** A solution as the widget submits it; empty when it is not valid. */
    public Optional<ProofOfWork.Solution> verify(String payload) {
        return proofOfWork.verify(payload);
    }
}
