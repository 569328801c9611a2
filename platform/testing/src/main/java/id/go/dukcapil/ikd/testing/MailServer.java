package id.go.dukcapil.ikd.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP and IMAP server (GreenMail). Every address that receives mail gets a mailbox whose
 * IMAP login and password are the address itself. The SMTP listener is ours around GreenMail's
 * ({@link StoppableSmtpServer}), so that it can go down and come back without storing a message
 * its sender was not told was taken.
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;
    private StoppableSmtpServer smtp; // guarded by this; null while refusing

    private MailServer(GreenMail greenMail, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    public static MailServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        greenMail.start();
        MailServer server = new MailServer(greenMail, smtpPort, imapPort);
        try {
            server.acceptSmtp();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw e;
        }
        return server;
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
     * The mail server goes down: senders get "connection refused", a transaction ending its data now
     * is refused (421) and not stored, one being stored is answered 250 first; IMAP and every stored
     * message stay. For fault-injection runs; {@link #acceptSmtp()} undoes it.
     */
    public synchronized void refuseSmtp() {
        if (smtp != null) {
            smtp.goDown();
            smtp = null;
        }
    }

    /** Listens on the SMTP port again, delivering into the same mailboxes. */
    public synchronized void acceptSmtp() {
        if (smtp != null) {
            return;
        }
        StoppableSmtpServer listener = new StoppableSmtpServer(
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), greenMail.getManagers());
        listener.startService();
        try {
            if (!listener.waitTillRunning(10_000)) {
                listener.stopService();
                throw new IllegalStateException("the SMTP listener did not start on port " + smtpPort);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        smtp = listener;
    }

    @Override
    public synchronized void close() {
        if (smtp != null) {
            smtp.stopService();
        }
        greenMail.stop();
    }
}
