package id.go.dukcapil.ikd.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on a real socket that behaves as the test needs what GreenMail cannot:
 * one that knows no mailbox (every RCPT TO answered {@code 550 5.1.1}, as a provider answers for
 * an address that does not exist, or with another reply such as a {@code 451} of a server that
 * keeps asking to try later), or one that accepts every message but only after a delay (a send
 * in flight for that long, as with a slow provider).
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    /** The reply to every RCPT TO; null: recipients are accepted. */
    private final String recipientReply;
    private final Duration acceptDelay;
    private final AtomicInteger rejectedRecipients = new AtomicInteger();
    private final List<String> rejectedCommands = new CopyOnWriteArrayList<>();
    private final CountDownLatch messageArriving = new CountDownLatch(1);
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;

    private ScriptedSmtpServer(int port, String recipientReply, Duration acceptDelay) throws IOException {
        this.recipientReply = recipientReply;
        this.acceptDelay = acceptDelay;
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        acceptor = Thread.ofPlatform().daemon().name("scripted-smtp").start(this::acceptLoop);
    }

    /** Refuses every mailbox: {@code 550 5.1.1}. */
    static ScriptedSmtpServer start(int port) {
        return start(port, "550 5.1.1 mailbox unknown");
    }

    /** Answers every RCPT TO with {@code recipientReply}, e.g. {@code 451 4.3.0 try again later}. */
    static ScriptedSmtpServer start(int port, String recipientReply) {
        return listen(port, recipientReply, Duration.ZERO);
    }

    /** Accepts every message, answering the end of each only after {@code delay}. */
    static ScriptedSmtpServer acceptingSlowly(int port, Duration delay) {
        return listen(port, null, delay);
    }

    private static ScriptedSmtpServer listen(int port, String recipientReply, Duration acceptDelay) {
        try {
            return new ScriptedSmtpServer(port, recipientReply, acceptDelay);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port, e);
        }
    }

    /** How many RCPT TO commands were refused: one per delivery attempt. */
    int rejectedRecipients() {
        return rejectedRecipients.get();
    }

    /** How many RCPT TO commands for {@code address} were refused. */
    int refusalsOf(String address) {
        return (int) rejectedCommands.stream().filter(command -> command.contains("<" + address + ">")).count();
    }

    /** Waits until a message's content is being received (its send is in flight). */
    boolean awaitMessageArriving(Duration timeout) throws InterruptedException {
        return messageArriving.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Messages accepted (answered {@code 250} after their content). */
    int accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofPlatform().daemon().start(() -> converse(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.US_ASCII)); OutputStream out = client.getOutputStream()) {
            reply(out, "220 scripted.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 scripted.test");
                    case "MAIL", "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "RCPT" -> {
                        if (recipientReply == null) {
                            reply(out, "250 2.1.5 OK");
                        } else {
                            rejectedRecipients.incrementAndGet();
                            rejectedCommands.add(line);
                            reply(out, recipientReply);
                        }
                    }
                    case "DATA" -> receive(in, out);
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.1 not implemented");
                }
            }
        } catch (IOException | InterruptedException ignored) {
            // the client hung up, or the test is over
        }
    }

    private void receive(BufferedReader in, OutputStream out) throws IOException, InterruptedException {
        reply(out, "354 go ahead");
        messageArriving.countDown();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            // the message's content, up to the lone dot
        }
        Thread.sleep(acceptDelay);
        accepted.incrementAndGet();
        reply(out, "250 2.0.0 accepted");
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
            acceptor.join(5_000);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
