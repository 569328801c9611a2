package id.go.dukcapil.ikd.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on a real socket that knows no mailbox: every RCPT TO is answered
 * {@code 550 5.1.1}, as a provider answers for an address that does not exist, or with the reply
 * given (a {@code 451} for a server that keeps asking to try later). GreenMail accepts every
 * recipient, so this is how a refusal is produced.
 */
final class RejectingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger rejectedRecipients = new AtomicInteger();
    private final java.util.List<String> rejectedCommands = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final String recipientReply;

    private RejectingSmtpServer(int port, String recipientReply) throws IOException {
        this.recipientReply = recipientReply;
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        acceptor = Thread.ofPlatform().daemon().name("rejecting-smtp").start(this::acceptLoop);
    }

    static RejectingSmtpServer start(int port) {
        return start(port, "550 5.1.1 mailbox unknown");
    }

    /** Answers every RCPT TO with {@code recipientReply}, e.g. {@code 451 4.3.0 try again later}. */
    static RejectingSmtpServer start(int port, String recipientReply) {
        try {
            return new RejectingSmtpServer(port, recipientReply);
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
            reply(out, "220 rejecting.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 rejecting.test");
                    case "MAIL", "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "RCPT" -> {
                        rejectedRecipients.incrementAndGet();
                        rejectedCommands.add(line);
                        reply(out, recipientReply);
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.1 not implemented");
                }
            }
        } catch (IOException ignored) {
            // the client hung up
        }
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
