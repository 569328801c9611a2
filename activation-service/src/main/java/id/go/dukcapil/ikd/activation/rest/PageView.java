package id.go.dukcapil.ikd.activation.rest;

import id.go.dukcapil.ikd.web.ProofOfWork;
import id.go.dukcapil.ikd.activation.service.LinkState;
import io.quarkus.qute.TemplateData;

/**
 * What the activation page shows: one state of the link, and the notice left by the previous
 * POST (carried across the redirect as a code, never with the PIN).
 */
@TemplateData
public record PageView(String state, String notice, int attemptsLeft, String token, String csrf,
        String challengeJson, boolean resendOffered) {

    /** The page after a redirect: the link's state now, and what the last attempt said. */
    static PageView of(LinkState link, String lastResult, String token, String csrf,
            ProofOfWork.Challenge challenge, String challengeJson) {
        String state = switch (link.state()) {
            case READY -> "READY";
            case USED -> "ACTIVATED".equals(lastResult) ? "SUCCESS" : "USED";
            case LOCKED -> "LOCKED";
            case EXPIRED -> "EXPIRED";
            case REPLACED -> "REPLACED";
            case WITHDRAWN -> "WITHDRAWN";
            case UNKNOWN -> "UNKNOWN";
        };
        String notice = lastResult == null ? null : switch (lastResult) {
            case "WRONG_PIN", "CAPTCHA_FAILED", "CSRF", "PIN_FORMAT", "RESENT" -> lastResult;
            default -> null;
        };
        boolean resendOffered = link.state() == LinkState.State.LOCKED || link.state() == LinkState.State.EXPIRED;
        return new PageView(state, notice, link.attemptsLeft(), token, csrf,
                challenge == null ? null : challengeJson, resendOffered);
    }

    public boolean is(String candidate) {
        return candidate.equals(state);
    }

    public boolean noticeIs(String candidate) {
        return candidate.equals(notice);
    }
}
