package id.go.dukcapil.ikd.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import id.go.dukcapil.ikd.local.infra.SmsOutbox;
import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.testing.Mailbox;

/**
 * Counts what each citizen actually received and what the databases hold: PIN emails per
 * approval (exactly one), rejection emails and SMS per rejection (exactly one each), identities
 * per approval (at most one), and the notifications' final states.
 */
final class Audit {

    /** The counts over a set of journeys. */
    record Counts(int decidedApprovals, int decidedRejections, int lostPinEmails, int doubledPinEmails,
            int lostRejectionMessages, int doubledRejectionMessages, int doubledIdentities,
            int otherDoubledEmails, int repeatedMessages, Map<String, Long> notificationStates, List<String> findings) {

        int lost() {
            return lostPinEmails + lostRejectionMessages;
        }

        int doubled() {
            return doubledPinEmails + doubledRejectionMessages + doubledIdentities;
        }
    }

    /**
     * The copies of one kind of message a citizen holds: {@code distinct} different messages (by
     * Message-ID, or an SMS's reference: the notification's id, the same on every attempt) in
     * {@code copies}. A copy beyond the distinct ones is the same message delivered again.
     */
    record Copies(long copies, long distinct) {

        static Copies of(List<String> ids) {
            // a message without an id cannot be told from another: counted as a different one
            return new Copies(ids.size(), ids.stream().map(id -> id == null ? new Object() : id).distinct().count());
        }

        long repeated() {
            return copies - distinct;
        }
    }

    private Audit() {
    }

    static Counts of(CampaignSuite suite, List<JourneyResult> journeys) throws SQLException {
        int approvals = 0;
        int rejections = 0;
        int lostPin = 0;
        int doubledPin = 0;
        int lostRejection = 0;
        int doubledRejection = 0;
        int doubledIdentities = 0;
        int otherDoubled = 0;
        int repeated = 0;
        List<String> findings = new java.util.ArrayList<>();
        List<SmsOutbox.Sms> sms = suite.sms();
        try (Connection activation = Backlog.connect(suite, SuiteService.ACTIVATION);
                Connection verification = Backlog.connect(suite, SuiteService.VERIFICATION)) {
            for (JourneyResult journey : journeys) {
                Citizen citizen = journey.citizen();
                String decision = decision(verification, citizen.nik());
                if (decision == null) {
                    continue; // never decided: nothing was owed to the citizen yet
                }
                List<Mailbox.Mail> mails = Mailbox.read(suite.imapPort(), citizen.email());
                Copies pin = copies(mails, CitizenJourney.PIN_SUBJECT);
                Copies activated = copies(mails, "IKD Anda telah aktif");
                Copies received = copies(mails, "Pendaftaran IKD Anda telah diterima");
                long registrations = registrations(verification, citizen.nik());
                if (activated.distinct() > 1 || received.distinct() > registrations) {
                    otherDoubled++;
                    findings.add(citizen.email() + ": " + activated.distinct() + " activation confirmations, "
                            + received.distinct() + " acknowledgements for " + registrations + " registrations");
                }
                long repeats = pin.repeated() + activated.repeated() + received.repeated();
                if (decision.equals("APPROVED")) {
                    approvals++;
                    if (pin.copies() == 0) {
                        lostPin++;
                        findings.add(citizen.email() + ": approved, no PIN email");
                    } else if (pin.distinct() > 1) {
                        doubledPin++;
                        findings.add(citizen.email() + ": " + pin.distinct() + " different PIN emails");
                    }
                    long identities = identities(activation, citizen.nik());
                    if (identities > 1) {
                        doubledIdentities++;
                        findings.add(citizen.nik().substring(0, 6) + "…: " + identities + " identities");
                    }
                } else {
                    rejections++;
                    Copies rejection = copies(mails, CitizenJourney.REJECTION_SUBJECT);
                    Copies texts = Copies.of(sms.stream().filter(s -> s.to().equals(citizen.phone())).map(SmsOutbox.Sms::reference)
                            .toList());
                    repeats += rejection.repeated() + texts.repeated();
                    if (rejection.copies() == 0 || texts.copies() == 0) {
                        lostRejection++;
                        findings.add(citizen.email() + ": rejected, " + rejection.copies() + " emails, " + texts.copies() + " SMS");
                    } else if (rejection.distinct() > 1 || texts.distinct() > 1) {
                        doubledRejection++;
                        findings.add(citizen.email() + ": rejected, " + rejection.distinct() + " different emails, "
                                + texts.distinct() + " different SMS");
                    }
                }
                if (repeats > 0) {
                    repeated += (int) repeats;
                    findings.add(citizen.email() + ": " + repeats + " message(s) delivered again under the Message-ID or SMS"
                            + " reference of one already delivered");
                }
            }
        }
        return new Counts(approvals, rejections, lostPin, doubledPin, lostRejection, doubledRejection, doubledIdentities,
                otherDoubled, repeated, notificationStates(suite, journeys), findings);
    }

    private static Copies copies(List<Mailbox.Mail> mails, String subject) {
        return Copies.of(mails.stream().filter(mail -> subject.equals(mail.subject())).map(Mailbox.Mail::messageId).toList());
    }

    /** The operator's decision of the citizen's registration, from verification-service's cases. */
    private static String decision(Connection verification, String nik) throws SQLException {
        // an approved case becomes ACTIVATED once verification-service consumes IdentityActivated
        try (PreparedStatement query = verification.prepareStatement("select status from verification_case"
                + " where nik = ? and status in ('APPROVED', 'ACTIVATED', 'REJECTED')")) {
            query.setString(1, nik);
            try (ResultSet result = query.executeQuery()) {
                return !result.next() ? null : result.getString(1).equals("REJECTED") ? "REJECTED" : "APPROVED";
            }
        }
    }

    private static long registrations(Connection verification, String nik) throws SQLException {
        try (PreparedStatement query = verification.prepareStatement("select count(*) from verification_case where nik = ?")) {
            query.setString(1, nik);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static long identities(Connection activation, String nik) throws SQLException {
        try (PreparedStatement query = activation.prepareStatement("select count(*) from identity where nik = ?")) {
            query.setString(1, nik);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The notifications of these citizens by final state (SENT, FAILED, …). */
    private static Map<String, Long> notificationStates(CampaignSuite suite, List<JourneyResult> journeys) throws SQLException {
        Map<String, Long> states = new TreeMap<>();
        try (Connection notification = Backlog.connect(suite, SuiteService.NOTIFICATION);
                PreparedStatement query = notification.prepareStatement(
                        "select state, count(*) from notification where recipient = any(?) group by state")) {
            String[] recipients = journeys.stream()
                    .flatMap(j -> java.util.stream.Stream.of(j.citizen().email(), j.citizen().phone())).toArray(String[]::new);
            query.setArray(1, notification.createArrayOf("text", recipients));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    states.put(result.getString(1), result.getLong(2));
                }
            }
        }
        return states;
    }
}
