package id.go.dukcapil.ikd.token.service;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.qr.QrCodes;
import id.go.dukcapil.ikd.web.Bulkhead;
import id.go.dukcapil.ikd.web.Bulkheads;
import io.smallrye.mutiny.Uni;

/**
 * Draws a token's QR code in the {@code qr-image} bulkhead (never on the event loop). Stateless:
 * the pictures go out in the mint answer and nothing is kept, so any replica answers any request;
 * the app can draw the code from the token itself.
 */
@ApplicationScoped
public class QrImageService {

    /** The pictures of one token; {@code version} is the QR version (1-40) at error correction M. */
    public record QrPictures(int version, byte[] png, String svg) {
    }

    private final Bulkhead bulkhead;
    private final int moduleSize;

    public QrImageService(TokenConfig config, Bulkheads bulkheads) {
        this.bulkhead = bulkheads.named("qr-image");
        this.moduleSize = config.qr().moduleSize();
    }

    /** The token's PNG and SVG; 503 SERVICE_BUSY when the bulkhead is full. */
    public Uni<QrPictures> render(String token) {
        return bulkhead.run(() -> draw(token, moduleSize));
    }

    public static QrPictures draw(String token, int moduleSize) {
        QrCodes.Matrix matrix = QrCodes.encode(token);
        return new QrPictures(matrix.version(), QrCodes.png(matrix, moduleSize), QrCodes.svg(matrix));
    }
}
