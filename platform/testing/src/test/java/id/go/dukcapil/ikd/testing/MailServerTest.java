package id.go.dukcapil.ikd.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

/** The SMTP listener can refuse connections for a while and accept again, the mailboxes kept. */
class MailServerTest {

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
