package id.go.dukcapil.ikd.local.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578), built by hand because
 * {@link java.net.http.HttpClient} has no multipart support. Field names and file names are the
 * demo's own (ASCII, no quotes), so they need no escaping.
 */
public final class Multipart {

    private static final byte[] CRLF = {'\r', '\n'};

    private final String boundary;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Multipart() {
        this("ikd-demo-" + UUID.randomUUID());
    }

    public Multipart(String boundary) {
        this.boundary = boundary;
    }

    public Multipart field(String name, String value) {
        part("Content-Disposition: form-data; name=\"" + name + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8", value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Multipart file(String name, String fileName, String contentType, byte[] content) {
        part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + contentType, content);
        return this;
    }

    /** The value of the request's {@code Content-Type} header. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body with its closing delimiter; the builder can still be read again. */
    public byte[] bytes() {
        ByteArrayOutputStream complete = new ByteArrayOutputStream();
        complete.writeBytes(body.toByteArray());
        complete.writeBytes(("--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
        complete.writeBytes(CRLF);
        return complete.toByteArray();
    }

    private void part(String headers, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(CRLF);
    }
}
