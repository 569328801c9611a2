package id.go.dukcapil.ikd.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class TerminalQrTest {

    @Test
    void drawsTwoModuleRowsPerLineWithLightModulesAsBlocks() {
        // 3×3, dark modules marked #:   # . #
        //                               . # .
        //                               # # .
        BitMatrix matrix = new BitMatrix(3, 3);
        matrix.set(0, 0);
        matrix.set(2, 0);
        matrix.set(1, 1);
        matrix.set(0, 2);
        matrix.set(1, 2);

        assertThat(TerminalQr.render(matrix, 0)).isEqualTo("▄▀▄\n" + "  ▀\n");
    }

    @Test
    void surroundsTheCodeWithALightQuietZone() {
        BitMatrix matrix = new BitMatrix(1, 1);
        matrix.set(0, 0);

        // 3×3 with the dark module in the middle: rows (light, light, light) (light, dark, light) (light, light, light)
        assertThat(TerminalQr.render(matrix, 1)).isEqualTo("█▀█\n" + "▀▀▀\n");
    }

    @Test
    void aTokenBecomesASquareOfHalfBlockLines() {
        String drawn = TerminalQr.of("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.c2lnbmF0dXJl");

        String[] lines = drawn.split("\n");
        int width = lines[0].length();
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(width).matches("[ ▀▄█]+"));
        // version 2 or 3 (25 or 29 modules) plus two quiet zones of 2; two module rows per line
        assertThat(lines.length).isEqualTo((width + 1) / 2);
        assertThat(lines[0]).isEqualTo("█".repeat(width));
    }

    @Test
    void theDrawnCodeDecodesBackToTheToken() throws Exception {
        String token = "eyJ0eXAiOiJpa2QtcXIrand0IiwiYWxnIjoiRVMyNTYifQ." + "eyJzdWIiOiJkZW1vIn0".repeat(20)
                + ".c2lnbmF0dXJl";

        String[] lines = TerminalQr.of(token).split("\n");

        assertThat(decode(lines)).isEqualTo(token);
    }

    /** Reads the half blocks back into a picture (4 px per module, light = white) and lets ZXing decode it. */
    private static String decode(String[] lines) throws Exception {
        int modules = lines[0].length(); // the code with its quiet zone is square; a last odd row is not part of it
        int scale = 4;
        int[] pixels = new int[modules * scale * modules * scale];
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                char block = lines[y / 2].charAt(x);
                boolean light = y % 2 == 0 ? block == '█' || block == '▀' : block == '█' || block == '▄';
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        pixels[(y * scale + dy) * modules * scale + x * scale + dx] = light ? 0xFFFFFF : 0x000000;
                    }
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(modules * scale, modules * scale, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
