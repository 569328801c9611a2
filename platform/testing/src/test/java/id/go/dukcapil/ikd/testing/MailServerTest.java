package id.go.dukcapil.ikd.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

/** The SMTP listener can refuse connections for a while and accept again, the mailboxes kept. */
class MailServerTest {

    private static final int TRANSACTIONS_CUT = 100;

    @Test
    void smtpRefusesThenAcceptsAgainIntoTheSameMailboxes() throws Exception {
        int smtpPort = FreePorts.next();
        int imapPort = FreePorts.next();
        try (MailServer mail = MailServer.start(smtpPort, imapPort)) {
            send(smtpPort, "before@example.id");
            mail.refuseSmtp();
            assertThatThrownBy(() -> connect(smtpPort)).isInstanceOf(ConnectException.class);
            mail.acceptSmtp();
            send(smtpPort, "after@example.id");
            assertThat(Mailbox.read(imapPort, "before@example.id")).hasSize(1);
            assertThat(Mailbox.read(imapPort, "after@example.id")).hasSize(1);
            mail.refuseSmtp();
            assertThatThrownBy(() -> connect(smtpPort)).isInstanceOf(ConnectException.class);
            mail.acceptSmtp();
            send(smtpPort, "after@example.id");
            assertThat(Mailbox.read(imapPort, "after@example.id")).hasSize(2);
        }
    }

    @Test
    void closingTheServerClosesBothListeners() throws Exception {
        int smtpPort = FreePorts.next();
        int imapPort = FreePorts.next();
        try (MailServer mail = MailServer.start(smtpPort, imapPort)) {
            connect(imapPort);
            connect(smtpPort);
        }
        assertThatThrownBy(() -> connect(imapPort)).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> connect(smtpPort)).isInstanceOf(ConnectException.class);
    }

    /** GreenMail writes a reply in several writes; each goes out at once instead of after the client's delayed ACK. */
    @Test
    void eachClientConnectionSendsItsRepliesAtOnce() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
                Socket accepted = listener.accept()) {
            assertThat(accepted.getTcpNoDelay()).isFalse();
            assertThat(MailServer.repliesAtOnce(accepted).getTcpNoDelay()).isTrue();
        }
    }

    /**
     * A mail server going down keeps SMTP's promise: a message it stores is one whose "250" the
     * sender read. GreenMail's own stop closed the sockets and still delivered the message it was
     * parsing, so a sender saw a failure, sent again and the citizen got the email twice (the fault
     * campaign's SMTP round, 2026-12-06). Each transaction here ends its data and the server is
     * told to refuse at once, while it is still taking the message in.
     */
    @Test
    void aMessageIsStoredOnlyWhenItsSenderWasToldSo() throws Exception {
        int smtpPort = FreePorts.next();
        try (MailServer mail = MailServer.start(smtpPort, FreePorts.next())) {
            List<String> broken = new ArrayList<>();
            int acknowledged = 0;
            for (int i = 0; i < TRANSACTIONS_CUT; i++) {
                String to = "cut" + i + "@example.id";
                boolean told = sendWhileRefusing(mail, smtpPort, to);
                long stored = Arrays.stream(mail.receivedMessages()).filter(m -> addressedTo(m, to)).count();
                if (stored != (told ? 1 : 0)) {
                    broken.add(to + ": sender told " + (told ? "250" : "nothing or a failure") + ", stored " + stored);
                }
                acknowledged += told ? 1 : 0;
                mail.acceptSmtp();
            }
            assertThat(broken).as("messages stored unlike what their sender read (%d of %d acknowledged)",
                    acknowledged, TRANSACTIONS_CUT).isEmpty();
        }
    }

    /** One SMTP transaction whose end of data is followed at once by the server refusing; true when the sender read 250. */
    private static boolean sendWhileRefusing(MailServer mail, int smtpPort, String to) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", smtpPort), 1000);
            socket.setSoTimeout(5000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, "HELO test.example.id");
            expect(in, "250");
            command(out, "MAIL FROM:<ikd@example.id>");
            expect(in, "250");
            command(out, "RCPT TO:<" + to + ">");
            expect(in, "250");
            command(out, "DATA");
            expect(in, "354");
            command(out, "From: ikd@example.id\r\nTo: " + to + "\r\nSubject: PIN\r\n\r\n" + "hello\r\n".repeat(1000) + ".");
            mail.refuseSmtp();
            try {
                String reply = in.readLine();
                return reply != null && reply.startsWith("250");
            } catch (IOException connectionCut) {
                return false;
            }
        }
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one reply, the continuation lines of a multi-line one included ("250-…" before "250 …"). */
    private static void expect(BufferedReader in, String code) throws IOException {
        String reply;
        do {
            reply = in.readLine();
            assertThat(reply).as("SMTP reply").startsWith(code);
        } while (reply.length() > 3 && reply.charAt(3) == '-');
    }

    private static boolean addressedTo(MimeMessage message, String to) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void connect(int port) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        }
    }

    private static void send(int smtpPort, String to) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(smtpPort));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("ikd@example.id"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("test");
        message.setText("hello");
        Transport.send(message);
    }
}
