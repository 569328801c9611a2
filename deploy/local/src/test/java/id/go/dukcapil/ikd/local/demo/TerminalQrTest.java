package id.go.dukcapil.ikd.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.google.zxing.common.BitMatrix;

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
}
