package id.go.dukcapil.ikd.testing;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;

/** Reads a citizen's mailbox over real IMAP, as a mail client would. */
public final class Mailbox {

    /** One received message, bodies decoded. */
    public record Mail(String from, List<String> to, String subject, String text, String html, String messageId) {
    }

    private Mailbox() {
    }

    /** Tries of one read; a read whose server stops answering is tried again on a new connection. */
    private static final int READ_ATTEMPTS = 3;

    /**
     * All messages in {@code address}'s inbox right now. Every socket operation is bounded (without a
     * timeout an IMAP read the server never answered blocked the fault campaign's closing audit for
     * good); a read that times out is tried again, up to three times.
     */
    public static List<Mail> read(int imapPort, String address) {
        for (int attempt = 1;; attempt++) {
            try {
                return readOnce(imapPort, address);
            } catch (IllegalStateException e) {
                if (attempt >= READ_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static List<Mail> readOnce(int imapPort, String address) {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(imapPort));
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "20000");
        props.put("mail.imap.writetimeout", "20000");
        Session session = Session.getInstance(props);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imapPort, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                mails.add(toMail(message));
            }
            inbox.close(false);
            return mails;
        } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
            return List.of();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read the mailbox of " + address, e);
        }
    }

    /** Waits until a matching message is in the inbox. */
    public static Mail await(int imapPort, String address, Predicate<Mail> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<Mail> last = List.of();
        while (Instant.now().isBefore(deadline)) {
            last = read(imapPort, address);
            for (Mail mail : last) {
                if (match.test(mail)) {
                    return mail;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no matching mail for " + address + " within " + timeout + "; inbox: "
                + last.stream().map(Mail::subject).toList());
    }

    private static Mail toMail(Message message) throws MessagingException, IOException {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        collectBodies(message, text, html);
        List<String> to = new ArrayList<>();
        if (message.getAllRecipients() != null) {
            for (var address : message.getAllRecipients()) {
                to.add(((InternetAddress) address).getAddress());
            }
        }
        String from = message.getFrom() == null ? null : ((InternetAddress) message.getFrom()[0]).getAddress();
        String[] messageIds = message.getHeader("Message-ID");
        return new Mail(from, to, message.getSubject(), text.toString(), html.toString(),
                messageIds == null || messageIds.length == 0 ? null : messageIds[0]);
    }

    private static void collectBodies(Part part, StringBuilder text, StringBuilder html)
            throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectBodies(multipart.getBodyPart(i), text, html);
            }
        }
    }
}
