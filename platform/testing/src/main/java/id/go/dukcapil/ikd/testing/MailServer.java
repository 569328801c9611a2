package id.go.dukcapil.ikd.testing;

import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP and IMAP server (GreenMail). Every address that receives mail gets a mailbox whose
 * IMAP login and password are the address itself.
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;
    private SmtpServer replacementSmtp; // guarded by this; the SMTP listener started again after refuseSmtp()

    private MailServer(GreenMail greenMail, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    public static MailServer start(int smtpPort, int imapPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        GreenMail greenMail = new GreenMail(new ServerSetup[] { smtp, imap });
        greenMail.start();
        return new MailServer(greenMail, smtpPort, imapPort);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** Every message received so far, oldest first (for the local web inbox). */
    public MimeMessage[] receivedMessages() {
        return greenMail.getReceivedMessages();
    }

    /**
     * Closes the SMTP listener, so that senders get "connection refused" (a mail server down), while
     * IMAP and every stored message stay. For fault-injection runs; {@link #acceptSmtp()} undoes it.
     */
    public synchronized void refuseSmtp() {
        if (replacementSmtp != null) {
            replacementSmtp.stopService();
            replacementSmtp = null;
        } else {
            greenMail.getSmtp().stopService();
        }
    }

    /** Listens on the SMTP port again, delivering into the same mailboxes. */
    public synchronized void acceptSmtp() {
        if (replacementSmtp != null) {
            return;
        }
        SmtpServer smtp = new SmtpServer(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                greenMail.getManagers());
        smtp.startService();
        try {
            if (!smtp.waitTillRunning(10_000)) {
                throw new IllegalStateException("the SMTP listener did not start again on port " + smtpPort);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        replacementSmtp = smtp;
    }

    @Override
    public synchronized void close() {
        if (replacementSmtp != null) {
            replacementSmtp.stopService();
        }
        greenMail.stop();
    }
}
