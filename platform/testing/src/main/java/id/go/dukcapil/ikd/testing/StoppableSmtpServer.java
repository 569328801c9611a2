package id.go.dukcapil.ikd.testing;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

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

    private final Object gate = new Object();
    private final Set<Thread> storing = ConcurrentHashMap.newKeySet(); // handler threads between checkData and their next command
    private final GatedManager manager;
    private volatile boolean refusing; // guarded by gate for writes

    StoppableSmtpServer(ServerSetup setup, Managers managers) {
        super(setup, managers);
        this.manager = new GatedManager(managers);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
        return new SmtpHandler(new SmtpCommandRegistry(), manager, clientSocket) {
            @Override
            protected void handleCommand() throws IOException {
                storing.remove(Thread.currentThread()); // the previous command's reply, a 250 included, is written
                super.handleCommand();
            }

            @Override
            public void run() {
                try {
                    super.run();
                } finally {
                    storing.remove(Thread.currentThread());
                }
            }
        };
    }

    /** Refuses what ends its data from now on, lets a message being stored get its 250, then closes every connection. */
    void goDown() {
        synchronized (gate) {
            refusing = true;
        }
        long deadline = System.nanoTime() + STORING_BOUND.toNanos();
        while (!storing.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
        stopService();
    }

    private final class GatedManager extends SmtpManager {

        GatedManager(Managers managers) {
            super(managers.getImapHostManager(), managers.getUserManager());
        }

        /** Called once a transaction's data is in, before it is stored: the last moment to refuse it whole. */
        @Override
        public String checkData(SmtpState state) {
            synchronized (gate) {
                if (refusing) {
                    return "421 4.3.2 Service shutting down, try again later";
                }
                storing.add(Thread.currentThread());
            }
            return super.checkData(state);
        }
    }
}
