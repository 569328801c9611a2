package id.go.dukcapil.ikd.verification.service;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.verification.service.CaseDecisions.DecisionCommand;
import id.go.dukcapil.ikd.verification.service.CentralReviewService.ReviewCommand;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.Problem;
import id.go.dukcapil.ikd.web.ProblemException;

/**
 * The portal's decision and review forms (raw form text) made into {@link CaseDecisions}' and
 * {@link CentralReviewService}'s commands, with the same VALIDATION_FAILED codes the JSON API's
 * binding gives; the JSON API builds the commands from its typed request directly. The bounds are the API's {@code @Size};
 * the portal cuts longer text instead of refusing it.
 */
public final class CaseCommandParser {

    /** The longest reason note, and review note, kept. */
    public static final int NOTE_MAX = 500;
    /** The longest call reference kept. */
    public static final int CALL_REFERENCE_MAX = 64;

    private CaseCommandParser() {
    }

    /**
     * The decision form as posted: {@code decision} and {@code channel} required, {@code reasonCode}
     * left out when blank, the KTP-el box ticked when "on" (a browser's checkbox) or "true".
     *
     * @throws ProblemException VALIDATION_FAILED when a required value is missing or any code is unknown
     */
    public static DecisionCommand decision(String decision, String reasonCode, String reasonNote, String channel,
            String callReference, String ktpElChecked) {
        return new DecisionCommand(required(Decision.class, "decision", decision), reason(reasonCode),
                limit(reasonNote, NOTE_MAX), required(Channel.class, "channel", channel),
                limit(callReference, CALL_REFERENCE_MAX), "on".equals(ktpElChecked) || "true".equals(ktpElChecked));
    }

    /**
     * The review form as posted: {@code decision} required, {@code reasonCode} left out when blank.
     *
     * @throws ProblemException VALIDATION_FAILED when the decision is missing or any code is unknown
     */
    public static ReviewCommand review(String decision, String reasonCode, String note) {
        return new ReviewCommand(required(Decision.class, "decision", decision), reason(reasonCode),
                limit(note, NOTE_MAX));
    }

    private static <E extends Enum<E>> E required(Class<E> type, String field, String value) {
        if (value == null) {
            throw invalid(field, "NOTNULL", "must not be null");
        }
        return oneOf(type, field, value);
    }

    private static RejectionReason reason(String value) {
        return value == null || value.isBlank() ? null : oneOf(RejectionReason.class, "reasonCode", value);
    }

    private static <E extends Enum<E>> E oneOf(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "ONE_OF", "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static ProblemException invalid(String field, String rule, String message) {
        return new ProblemException(CommonProblems.VALIDATION_FAILED)
                .errors(List.of(new Problem.FieldError(field, rule, message)));
    }

    private static String limit(String text, int max) {
        return text == null ? null : text.length() > max ? text.substring(0, max) : text;
    }
}
