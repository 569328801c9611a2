package id.go.dukcapil.ikd.local.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in replica on a raw server socket, one thread per connection, one request per connection, dying as told. */
final class RawReplica implements AutoCloseable {

    enum Behaviour {
        /** Reads the whole request (kept in {@link #answered}), answers 200 "replica METHOD path". */
        ANSWER,
        /** Reads the request head (and some of the body), then closes without a byte: a replica killed mid-request. */
        CLOSE_AFTER_REQUEST,
        /** Sends a head promising 1000 bytes, 10 of them, and closes: a replica killed mid-response. */
        DIE_MID_BODY
    }

    final ServerSocket server;
    final int port;
    final AtomicInteger requests = new AtomicInteger();
    /** The requests answered, as read. */
    final Queue<Received> answered = new ConcurrentLinkedQueue<>();
    private final Behaviour behaviour;

    RawReplica(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = server.getLocalPort();
        Thread.ofVirtual().start(this::accept);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            String head = readHead(socket.getInputStream());
            if (head.isEmpty()) {
                return; // closed before a request
            }
            requests.incrementAndGet();
            String[] line = head.split(" ", 3);
            OutputStream out = socket.getOutputStream();
            switch (behaviour) {
                case ANSWER -> {
                    byte[] body = ("replica " + line[0] + " " + line[1]).getBytes(StandardCharsets.UTF_8);
                    answered.add(new Received(head, socket.getInputStream().readNBytes(contentLength(head))));
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                }
                case CLOSE_AFTER_REQUEST -> socket.setSoLinger(true, 0); // reset on close
                case DIE_MID_BODY -> {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n"
                            + "0123456789").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(100);
                    socket.setSoLinger(true, 0);
                }
            }
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the replica "died": nothing to do
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; matched < 4 && (b = in.read()) >= 0;) {
            head.write(b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).strip());
            }
        }
        return 0;
    }

    /** A request's head (request line and headers) and body. */
    record Received(String head, byte[] body) {

        /** The value of header {@code name} (any case), null without it. */
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
