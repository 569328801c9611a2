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
 * clean, upright codes (screenshots, our own PNGs) the search misses, then the finder search once
 * more on the picture turned a quarter: in about 2 of 100 photos of a clean code (a phone's screen
 * photographed) the search reads nothing, and the same search over the turned picture reads the code
 * (every one of 28 such photos, measured; QrReaderTest keeps four). The third pass runs only when
 * both missed; a 1600 × 1067 picture with no code then costs 13.5 ms of CPU instead of 4.3 (the
 * turned copy 5 ms, its search 4). CPU-bound: run it in the {@code qr-read} bulkhead.
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
        BinaryBitmap bitmap = bitmap(picture); // binarised once for the first two passes
        return decode(bitmap, SEARCH).or(() -> decode(bitmap, PURE))
                .or(() -> picture.isRotateSupported() ? decode(bitmap(picture.rotateCounterClockwise()), SEARCH)
                        : Optional.empty());
    }

    private static BinaryBitmap bitmap(LuminanceSource picture) {
        return new BinaryBitmap(new HybridBinarizer(picture));
    }

    private static Optional<String> decode(BinaryBitmap bitmap, Map<DecodeHintType, Object> hints) {
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
        } catch (ReaderException | RuntimeException missed) {
            return Optional.empty();
        }
    }
}
