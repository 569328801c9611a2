package id.go.dukcapil.ikd.local.demo;

import java.util.EnumMap;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Draws a QR code in a terminal with Unicode half blocks: one character holds two module rows,
 * so the code keeps its square shape. Light modules are drawn (the terminal's foreground colour)
 * and dark ones left blank, which gives the right contrast on the usual light-on-dark terminal.
 */
final class TerminalQr {

    /** The quiet zone scanners need around the code, in modules. */
    static final int QUIET_ZONE = 2;

    private TerminalQr() {
    }

    /** The QR code of {@code text}, with its quiet zone, as terminal lines. */
    static String of(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        // L keeps a ~500-character token at a size that fits a terminal; the screen is not damaged paper
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L);
        hints.put(EncodeHintType.MARGIN, 0);
        try {
            return render(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints), QUIET_ZONE);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code: " + e.getMessage(), e);
        }
    }

    /** {@code matrix} (set = dark module) surrounded by {@code quietZone} light modules, two rows per line. */
    static String render(BitMatrix matrix, int quietZone) {
        int width = matrix.getWidth() + 2 * quietZone;
        int height = matrix.getHeight() + 2 * quietZone;
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x++) {
                boolean topDark = isDark(matrix, x - quietZone, y - quietZone);
                boolean bottomDark = y + 1 < height && isDark(matrix, x - quietZone, y + 1 - quietZone);
                out.append(halfBlocks(topDark, bottomDark, y + 1 < height));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** An odd last row has no lower half: only its upper half is drawn. */
    private static char halfBlocks(boolean topDark, boolean bottomDark, boolean hasBottom) {
        boolean topLight = !topDark;
        boolean bottomLight = hasBottom && !bottomDark;
        if (topLight && bottomLight) {
            return '█';
        }
        if (topLight) {
            return '▀';
        }
        return bottomLight ? '▄' : ' ';
    }

    private static boolean isDark(BitMatrix matrix, int x, int y) {
        return x >= 0 && y >= 0 && x < matrix.getWidth() && y < matrix.getHeight() && matrix.get(x, y);
    }
}
