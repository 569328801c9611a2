package id.go.dukcapil.ikd.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import id.go.dukcapil.ikd.campaign.CampaignHttp.Answer;
import id.go.dukcapil.ikd.campaign.CampaignHttp.StepFailed;
import id.go.dukcapil.ikd.campaign.JourneyResult.Outcome;
import id.go.dukcapil.ikd.local.demo.DeviceKey;
import id.go.dukcapil.ikd.local.demo.Multipart;
import id.go.dukcapil.ikd.local.demo.ProofOfWork;
import id.go.dukcapil.ikd.local.demo.SelfieImage;
import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.testing.Mailbox;

/**
 * One citizen's journey through the public APIs only, as the app, the counter, the mailbox and a
 * relying party take it (SOP steps 2–7 and the check). A step that meets "later" (503, a refused
 * connection) is tried again, as the app would, until the journey's deadline.
 */
final class CitizenJourney implements Callable<JourneyResult> {

    static final String APP_PIN = "583920";
    static final String PIN_SUBJECT = "PIN aktivasi Identitas Kependudukan Digital";
    static final String REJECTION_SUBJECT = "Verifikasi IKD Anda belum dapat disetujui";
    private static final Pattern PIN = Pattern.compile("PIN aktivasi: (\\d{6})");
    /** How long a QR lives (token-service's ikd.token.qr.lifetime, 90 s, SOP step 7). */
    private static final Duration QR_LIFE = Duration.ofSeconds(90);
    private static final Pattern LINK_TOKEN = Pattern.compile("/activate\\?t=([A-Za-z0-9_.~%-]+)");
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Citizen citizen;
    private final CampaignSuite suite;
    private final CampaignHttp http;
    private final Desks desks;
    private final LongSupplier deadline;
    private String registrationId;
    private String step = "start";

    CitizenJourney(Citizen citizen, CampaignSuite suite, CampaignHttp http, Desks desks, LongSupplier deadline) {
        this.citizen = citizen;
        this.suite = suite;
        this.http = http;
        this.desks = desks;
        this.deadline = deadline;
    }

    @Override
    public JourneyResult call() {
        try {
            DeviceKey device = DeviceKey.generate();
            step = "register";
            String shortCode = register(device);
            step = "scan";
            String caseId = scan(shortCode);
            step = "decide";
            decide(caseId);
            if (!citizen.approve()) {
                step = "rejection email and SMS";
                awaitMail(REJECTION_SUBJECT);
                awaitSms();
                return result(Outcome.REJECTED_AND_TOLD, "");
            }
            step = "PIN email";
            String text = awaitMail(PIN_SUBJECT);
            step = "activate";
            activate(text);
            step = "app session";
            String citizenToken = openSession(device);
            while (true) {
                step = "QR mint";
                String qr = mint(citizenToken);
                Instant shownAt = Instant.now();
                step = "QR verification";
                if (verify(qr, shownAt)) {
                    return result(Outcome.COMPLETED, "");
                }
                // the QR's life passed while token-service could not be reached: the relying party
                // asks for a fresh one, as at a real counter
            }
        } catch (StepFailed e) {
            return result(e.stuck ? Outcome.STUCK : Outcome.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            return result(Outcome.FAILED, e.toString());
        }
    }

    private JourneyResult result(Outcome outcome, String detail) {
        return new JourneyResult(citizen, registrationId, outcome, step, detail);
    }

    /**
     * A key for a request that makes something new each time (a scan, a challenge, a PIN proof):
     * the service keeps no answer, but the key lets the gateway send it to another replica.
     */
    static String freshKey() {
        return UUID.randomUUID().toString();
    }

    private String url(SuiteService service, String path) {
        return suite.publicUrl(service) + path;
    }

    private String register(DeviceKey device) {
        Multipart form = new Multipart().field("nik", citizen.nik()).field("email", citizen.email())
                .field("phone", citizen.phone()).field("language", "id").field("deviceKey", device.publicJwk())
                .file("selfie", "selfie.png", "image/png", SelfieImage.png());
        String key = UUID.randomUUID().toString(); // one per registration, the same on every try
        JsonNode registered = http.expect(step, deadline,
                () -> http.raw().postMultipart(url(SuiteService.REGISTRATION, "/api/v1/registrations"), form, key), 202);
        registrationId = registered.path("registrationId").asText();
        return registered.path("counterCode").path("shortCode").asText();
    }

    /** 404 until verification-service has consumed RegistrationSubmitted: waited for, not an error. */
    private String scan(String shortCode) {
        while (true) {
            String token = desks.operatorToken(deadline);
            Answer reply = http.untilAnswered(step, deadline, List.of(404),
                    () -> http.raw().postJson(url(SuiteService.VERIFICATION, "/api/v1/operator/scans"),
                            Map.of("shortCode", shortCode), token, freshKey()));
            if (reply.status() == 200) {
                return reply.json().path("caseId").asText();
            }
            if (reply.status() == 401) {
                desks.operatorTokenRefused(token);
            } else if (reply.status() != 404) {
                throw new StepFailed(step + ": " + reply.kind(), false);
            }
            CampaignHttp.waitOrGiveUp(step, deadline, POLL, "404 (no case yet)");
        }
    }

    private void decide(String caseId) {
        Map<String, Object> decision = citizen.approve()
                ? Map.of("decision", "APPROVED", "channel", "COUNTER", "ktpElChecked", true)
                : Map.of("decision", "REJECTED", "reasonCode", "FACE_MISMATCH", "channel", "COUNTER", "ktpElChecked", true);
        boolean sent = false;
        String key = UUID.randomUUID().toString();
        while (true) {
            String token = desks.operatorToken(deadline);
            Answer reply = http.untilAnswered(step, deadline, List.of(),
                    () -> http.raw().postJson(url(SuiteService.VERIFICATION, "/api/v1/operator/cases/" + caseId
                            + "/decision"), decision, token, key));
            sent |= reply.repeated();
            if (reply.status() == 200 || (sent && reply.code().equals("CASE_ALREADY_DECIDED"))) {
                return; // a repeat of a decision whose answer was lost on the way finds it already made
            }
            if (reply.status() == 401) {
                desks.operatorTokenRefused(token);
                continue;
            }
            throw new StepFailed(step + ": " + reply.kind(), false);
        }
    }

    /** The text of the first message to the citizen with {@code subject}, read over IMAP as a mail client would. */
    private String awaitMail(String subject) {
        while (true) {
            for (Mailbox.Mail mail : Mailbox.read(suite.imapPort(), citizen.email())) {
                if (subject.equals(mail.subject())) {
                    return mail.text();
                }
            }
            CampaignHttp.waitOrGiveUp(step, deadline, POLL, "no message \"" + subject + "\"");
        }
    }

    private void awaitSms() {
        while (suite.sms().stream().noneMatch(sms -> sms.to().equals(citizen.phone()))) {
            CampaignHttp.waitOrGiveUp(step, deadline, POLL, "no SMS");
        }
    }

    private void activate(String mailText) {
        Matcher pin = PIN.matcher(mailText);
        Matcher link = LINK_TOKEN.matcher(mailText);
        if (!pin.find() || !link.find()) {
            throw new StepFailed(step + ": the PIN email has no PIN or no link", false);
        }
        while (true) {
            JsonNode issued = http.expect(step, deadline,
                    () -> http.raw().get(url(SuiteService.ACTIVATION, "/api/v1/activations/captcha-challenge"), null), 200);
            ProofOfWork.Challenge challenge = new ProofOfWork.Challenge(issued.path("algorithm").asText(),
                    issued.path("challenge").asText(), issued.path("maxnumber").asLong(), issued.path("salt").asText(),
                    issued.path("signature").asText());
            String captcha = ProofOfWork.payload(challenge, ProofOfWork.solve(challenge));
            String key = UUID.randomUUID().toString();
            Answer reply = http.untilAnswered(step, deadline, List.of(),
                    () -> http.raw().postJson(url(SuiteService.ACTIVATION, "/api/v1/activations"),
                            Map.of("linkToken", link.group(1), "pin", pin.group(1), "captcha", captcha), null, key));
            if (reply.status() == 200 || (reply.repeated() && reply.code().equals("ALREADY_ACTIVATED"))) {
                return; // the repeat of an activation whose answer was lost finds it done
            }
            if (reply.repeated() && reply.code().equals("CAPTCHA_FAILED")) {
                continue; // the lost attempt had used the captcha (single use): solve a new one
            }
            throw new StepFailed(step + ": " + reply.kind(), false);
        }
    }

    private String openSession(DeviceKey device) {
        JsonNode nonce = http.expect(step, deadline,
                () -> http.raw().postJson(url(SuiteService.ACTIVATION, "/api/v1/citizen/session-challenges"),
                        Map.of("registrationId", registrationId), null, freshKey()), 200);
        String key = UUID.randomUUID().toString();
        Answer reply = http.untilAnswered(step, deadline, List.of(),
                () -> http.raw().postJson(url(SuiteService.ACTIVATION, "/api/v1/citizen/sessions"),
                        Map.of("nonce", nonce.path("nonce").asText(), "deviceSignature",
                                device.sign(nonce.path("nonce").asText()), "appPin", APP_PIN), null, key));
        if (reply.status() == 200) {
            return reply.json().path("accessToken").asText();
        }
        if (reply.repeated() && reply.code().equals("SESSION_REFUSED")) {
            // the nonce was used by an attempt whose answer was lost: a new challenge, as the app does
            return openSession(device);
        }
        throw new StepFailed(step + ": " + reply.kind(), false);
    }

    /**
     * A fresh PIN proof for each mint. token-service learns of the activation from Kafka: while it
     * has not (a broker outage delays the event), the mint answers 503 ACTIVATION_IN_TRANSIT and the
     * app tries again.
     */
    private String mint(String citizenToken) {
        while (true) {
            JsonNode proof = http.expect(step, deadline,
                    () -> http.raw().postJson(url(SuiteService.ACTIVATION, "/api/v1/citizen/pin-proofs"),
                            Map.of("appPin", APP_PIN), citizenToken, freshKey()), 200);
            String key = UUID.randomUUID().toString();
            Answer reply = http.untilAnswered(step, deadline, List.of(),
                    () -> http.raw().postJson(url(SuiteService.TOKEN, "/api/v1/qr-tokens"),
                            Map.of("pinProof", proof.path("pinProof").asText()), citizenToken, key));
            if (reply.status() == 201) {
                return reply.json().path("token").asText();
            }
            // a repeat finds its proof used, or expired (60 s) while token-service was away: a new
            // proof, as the app asks for one
            boolean later = reply.code().equals("ACTIVATION_IN_TRANSIT")
                    || (reply.repeated() && (reply.code().equals("PIN_PROOF_USED")
                            || reply.code().equals("PIN_PROOF_INVALID")));
            if (!later) {
                throw new StepFailed(step + ": " + reply.kind(), false);
            }
            CampaignHttp.waitOrGiveUp(step, deadline, POLL, reply.kind());
        }
    }

    /**
     * True once the QR is verified; false when it expired because its verification could not reach
     * token-service within the QR's life (an outage longer than 90 s), which a fresh QR answers. An
     * EXPIRED verdict within its life, or any other verdict, fails the journey.
     */
    private boolean verify(String qr, Instant shownAt) {
        String key = UUID.randomUUID().toString();
        while (true) {
            String token = desks.relyingPartyToken(deadline);
            Answer reply = http.untilAnswered(step, deadline, List.of(),
                    () -> http.raw().postJson(url(SuiteService.TOKEN, "/api/v1/verifications"), Map.of("token", qr), token,
                            key));
            if (reply.status() == 401) {
                desks.relyingPartyTokenRefused(token);
                continue;
            }
            if (reply.status() != 200) {
                throw new StepFailed(step + ": " + reply.kind(), false);
            }
            String verdict = reply.json().path("valid").asBoolean() ? "VALID" : reply.json().path("reason").asText();
            if (verdict.equals("VALID") || (reply.repeated() && verdict.equals("REPLAYED"))) {
                return true; // REPLAYED only for the repeat of a check whose answer was lost
            }
            if (verdict.equals("EXPIRED") && Duration.between(shownAt, Instant.now()).compareTo(QR_LIFE) >= 0) {
                return false;
            }
            throw new StepFailed(step + ": verdict " + verdict + " for a QR shown once", false);
        }
    }
}
