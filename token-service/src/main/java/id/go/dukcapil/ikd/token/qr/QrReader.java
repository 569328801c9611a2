package id.go.dukcapil.ikd.token.qr;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Reads a QR code from pixels already decoded (and bounded) by the platform's ImageGuard: ZXing's
 * finder search for photos, then its pure-barcode reading, which gets right the about 3 in 100
 * clean, upright codes (screenshots, our own PNGs) the search misses. CPU-bound: run it in the
 * {@code qr-read} bulkhead.
 */
public final class QrReader {

    private static final Map<DecodeHintType, Object> SEARCH = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    private static final Map<DecodeHintType, Object> PURE = Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));

    private QrReader() {
    }

    /** The text of the QR code in the picture; empty when there is none to read. */
    public static Optional<String> read(LuminanceSource picture) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(picture));
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, SEARCH).getText());
        } catch (ReaderException | RuntimeException search) {
            try {
                return Optional.of(new QRCodeReader().decode(bitmap, PURE).getText());
            } catch (ReaderException | RuntimeException pure) {
                return Optional.empty();
            }
        }
    }
}
