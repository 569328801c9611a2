package id.go.dukcapil.ikd.testing;

import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;

import com.icegreen.greenmail.server.AbstractServer;
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
    private final ImapListener imap;
    private StoppableSmtpServer smtp; // guarded by this; null while refusing

    private MailServer(GreenMail greenMail, int smtpPort, int imapPort, ImapListener imap) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.imap = imap;
    }

    public static MailServer start(int smtpPort, int imapPort) {
        // GreenMail for the mailboxes only: both listeners are ours around its handlers
        GreenMail greenMail = new GreenMail(new ServerSetup[0]);
        greenMail.start();
        ImapListener imap = new ImapListener(new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                greenMail.getManagers());
        MailServer server = new MailServer(greenMail, smtpPort, imapPort, imap);
        try {
            awaitRunning(imap, "IMAP", imapPort);
            server.acceptSmtp();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Nagle's algorithm off for one client connection. GreenMail writes a reply in several small
     * writes; with Nagle on, each one after the first waited for the client's delayed
     * acknowledgement (40 ms on Linux): an SMTP send took about 180 ms instead of 4, and an IMAP
     * read of three messages about 940 ms instead of 20, which no real mail server costs.
     */
    static Socket repliesAtOnce(Socket clientSocket) {
        try {
            clientSocket.setTcpNoDelay(true);
            return clientSocket;
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
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
        awaitRunning(listener, "SMTP", smtpPort);
        smtp = listener;
    }

    private static void awaitRunning(AbstractServer listener, String protocol, int port) {
        listener.startService();
        try {
            if (!listener.waitTillRunning(10_000)) {
                listener.stopService();
                throw new IllegalStateException("the " + protocol + " listener did not start on port " + port);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (smtp != null) {
            smtp.stopService();
        }
        if (imap.isRunning()) {
            imap.stopService();
        }
        greenMail.stop();
    }
}
