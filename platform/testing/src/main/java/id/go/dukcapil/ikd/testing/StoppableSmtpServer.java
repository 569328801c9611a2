package id.go.dukcapil.ikd.testing;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail's SMTP listener, going down the way a mail server keeps SMTP's promise: a message is
 * stored only if its sender is told "250". GreenMail's own stop closes every connection and still
 * stores a message it was parsing at that moment; its sender sees the connection cut, sends again,
 * and the receiver gets the message twice. Here, once {@link #goDown} has begun, a transaction that
 * ends its data is answered 421 and not stored; one already being stored gets its 250 before the
 * connections close.
 */
final class StoppableSmtpServer extends SmtpServer {

    private static final Duration STORING_BOUND = Duration.ofSeconds(5);

    /**
     * A handler holds the read lock from the end of a transaction's data until its next command (its
     * 250 written); going down takes the write lock and keeps it, so no further message is stored.
     */
    private final ReentrantReadWriteLock storing = new ReentrantReadWriteLock();
    private final GatedManager manager;

    StoppableSmtpServer(ServerSetup setup, Managers managers) {
        super(setup, managers);
        this.manager = new GatedManager(managers);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
        return new SmtpHandler(new SmtpCommandRegistry(), manager, MailServer.repliesAtOnce(clientSocket)) {
            @Override
            protected void handleCommand() throws IOException {
                doneStoring(); // the previous command's reply, a 250 included, is written
                super.handleCommand();
            }

            @Override
            public void run() {
                try {
                    super.run();
                } finally {
                    doneStoring();
                }
            }
        };
    }

    private void doneStoring() {
        if (storing.getReadHoldCount() > 0) {
            storing.readLock().unlock();
        }
    }

    /** Refuses what ends its data from now on, lets a message being stored get its 250, then closes every connection. */
    void goDown() {
        try {
            storing.writeLock().tryLock(STORING_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopService();
        }
    }

    private final class GatedManager extends SmtpManager {

        GatedManager(Managers managers) {
            super(managers.getImapHostManager(), managers.getUserManager());
        }

        /** Called once a transaction's data is in, before it is stored: the last moment to refuse it whole. */
        @Override
        public String checkData(SmtpState state) {
            if (!storing.readLock().tryLock()) {
                return "421 4.3.2 Service shutting down, try again later";
            }
            return super.checkData(state);
        }
    }
}
