package id.go.dukcapil.ikd.token.qr;

import java.util.Map;
import java.util.Random;
import java.util.function.IntSupplier;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * Not a test (surefire skips the name): one-thread rates of the QR paths for a 471-character JWS-like
 * token, all in one JVM so that they compare. Run its main method with the test classpath.
 */
public final class QrCodesBenchmark {

    public static void main(String[] args) throws Exception {
        Random random = new Random(1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 471; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        token.setCharAt(36, '.');
        token.setCharAt(384, '.');
        String text = token.toString();
        QrCodes.Matrix matrix = QrCodes.encode(text);
        System.out.printf("%d characters -> version %d, %d modules, JDK %s%n", text.length(), matrix.version(), matrix.size(),
                Runtime.version());
        Map<EncodeHintType, ?> maskZero = Map.of(EncodeHintType.QR_MASK_PATTERN, 0);
        for (int round = 0; round < 2; round++) {
            rate("ZXing encode, best mask", () -> zxing(() -> Encoder.encode(text, ErrorCorrectionLevel.M).getMaskPattern()));
            rate("ZXing encode, fixed mask 0", () -> zxing(() -> Encoder.encode(text, ErrorCorrectionLevel.M, maskZero).getMaskPattern()));
            rate("QrCodes.encode, best mask (new path)", () -> QrCodes.encode(text).size());
            rate("PNG 4 px/module", () -> QrCodes.png(matrix, 4).length);
            rate("SVG", () -> QrCodes.svg(matrix).length());
            rate("full render: encode + PNG + SVG (new path)", () -> {
                QrCodes.Matrix m = QrCodes.encode(text);
                return QrCodes.png(m, 4).length + QrCodes.svg(m).length();
            });
            rate("full render with ZXing's best mask (old path)", () -> {
                QrCodes.Matrix m = QrCodes.matrix(QrCodes.zxing(text, Map.of()));
                return QrCodes.png(m, 4).length + QrCodes.svg(m).length();
            });
        }
    }

    private interface Encoding {
        int run() throws WriterException;
    }

    private static int zxing(Encoding encoding) {
        try {
            return encoding.run();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int sink;

    private static void rate(String what, IntSupplier work) {
        run(work, 3_000_000_000L);
        long start = System.nanoTime();
        long count = run(work, 4_000_000_000L);
        double perSecond = count * 1e9 / (System.nanoTime() - start);
        System.out.printf("%-50s %,9.0f /s%n", what, perSecond);
    }

    private static long run(IntSupplier work, long nanos) {
        long end = System.nanoTime() + nanos;
        long count = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 20; i++) {
                sink += work.getAsInt();
            }
            count += 20;
        }
        return count;
    }
}
