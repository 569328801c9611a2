package id.go.dukcapil.ikd.token.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

/** QrEncoder gives exactly ZXing's mask-0 code, for every version and on every path. */
class QrEncoderTest {

    private static final Map<EncodeHintType, ?> MASK_ZERO = Map.of(EncodeHintType.QR_MASK_PATTERN, 0);
    private static final String LATIN1_ALPHABET = "abcxyzABC019 .~\u00e9_!\"#&'()<>?@[]{}|\u00a0\u00ff\u0000\n";

    @Test
    void randomByteModeTextsOfEveryVersionAreZXings() throws Exception {
        Random random = new Random(2331);
        TreeSet<Integer> versions = new TreeSet<>();
        int inputs = 0;
        for (int v = 1; v <= 40; v++) {
            int shortest = v == 1 ? 1 : capacity(v - 1) + 1;
            int longest = capacity(v);
            for (int i = 0; i < 5; i++) {
                int length = i == 0 ? shortest : i == 1 ? longest : shortest + random.nextInt(longest - shortest + 1);
                String text = i % 2 == 0 ? jws(random, length) : latin1(random, length);
                QRCode actual = assertSameAsZXing(text);
                assertThat(actual.getMode()).as("mode of a %d-character text", length).isEqualTo(Mode.BYTE);
                versions.add(actual.getVersion().getVersionNumber());
                inputs++;
            }
        }
        for (int i = 0; i < 60; i++) { // lengths of any kind, mostly around the tokens' size
            int length = i % 3 == 0 ? 1 + random.nextInt(2331) : 400 + random.nextInt(150);
            versions.add(assertSameAsZXing(jws(random, length)).getVersion().getVersionNumber());
            inputs++;
        }
        assertThat(inputs).isEqualTo(260);
        assertThat(versions).containsExactlyElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
    }

    @Test
    void theLongestTextOfAVersionAndOneCharacterMoreAreZXings() throws Exception {
        Random random = new Random(40);
        for (int v : List.of(1, 2, 6, 7, 8, 9, 10, 11, 16, 17, 18, 26, 27, 39)) {
            String longest = jws(random, capacity(v));
            assertThat(assertSameAsZXing(longest).getVersion().getVersionNumber()).as("longest of %d", v).isEqualTo(v);
            String oneMore = longest + "x";
            assertThat(assertSameAsZXing(oneMore).getVersion().getVersionNumber()).as("one more than %d", v)
                    .isEqualTo(v + 1);
        }
        assertThat(assertSameAsZXing(jws(random, 2331)).getVersion().getVersionNumber()).isEqualTo(40);
    }

    @Test
    void textsInOtherModesOrBeyondLatin1AreZXings() throws Exception {
        Random random = new Random(18004);
        List<String> texts = new ArrayList<>(List.of("", "0", "0123456789", "HELLO WORLD $%*+-./:", "A1",
                "token \u2713", "\u0100", "caf\u00e9 \u20ac", "\uD83D\uDE00 emoji", "\u65e5\u672c"));
        texts.add(QrTexts.random(random, "0123456789", 3000));
        texts.add(QrTexts.random(random, QrTexts.ALPHANUMERIC, 1500));
        texts.add(jws(random, 470) + "\u0101");
        for (String text : texts) {
            QRCode expected = Encoder.encode(text, ErrorCorrectionLevel.M, MASK_ZERO);
            QRCode actual = assertSameAsZXing(text);
            assertThat(actual.getMode()).isEqualTo(expected.getMode());
        }
        assertThat(QrEncoder.maskZero("0123").getMode()).isEqualTo(Mode.NUMERIC);
        assertThat(QrEncoder.maskZero("AB12").getMode()).isEqualTo(Mode.ALPHANUMERIC);
    }

    @Test
    void textTooLongForVersion40IsRefusedAsZXingRefusesIt() {
        Random random = new Random(7);
        for (String text : List.of(jws(random, 2332), jws(random, 5000), QrTexts.random(random, "0123456789", 5597),
                QrTexts.random(random, "ABC", 3392), "\u0100" + jws(random, 2331))) {
            assertThatThrownBy(() -> Encoder.encode(text, ErrorCorrectionLevel.M, MASK_ZERO))
                    .as("ZXing, %d characters", text.length()).isInstanceOf(WriterException.class);
            assertThatThrownBy(() -> QrEncoder.maskZero(text)).as("%d characters", text.length())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("text does not fit in a QR code")
                    .hasCauseInstanceOf(WriterException.class);
        }
    }

    @Test
    void theBestMaskOfItsCodeIsTheOneZXingChooses() throws Exception {
        Random random = new Random(5412);
        TreeSet<Integer> masks = new TreeSet<>();
        for (int i = 0; i < 80; i++) {
            String text = i % 4 == 0 ? jws(random, 1 + random.nextInt(1200)) : jws(random, 471);
            QRCode expected = Encoder.encode(text, ErrorCorrectionLevel.M);
            assertThat(MaskSelection.of(QrEncoder.maskZero(text)).best()).as("mask for %d characters: %s", text.length(), text)
                    .isEqualTo(expected.getMaskPattern());
            masks.add(expected.getMaskPattern());
        }
        // the sample is worth something only if several masks win in it
        assertThat(masks).hasSizeGreaterThanOrEqualTo(6);
    }

    /** The longest byte-mode text at level M in version v, from ZXing's tables. */
    private static int capacity(int v) {
        Version version = Version.getVersionForNumber(v);
        int dataCodewords = version.getTotalCodewords()
                - version.getECBlocksForLevel(ErrorCorrectionLevel.M).getTotalECCodewords();
        int headerBits = 4 + Mode.BYTE.getCharacterCountBits(version);
        return (8 * dataCodewords - headerBits) / 8;
    }

    private static QRCode assertSameAsZXing(String text) throws WriterException {
        QRCode expected = Encoder.encode(text, ErrorCorrectionLevel.M, MASK_ZERO);
        QRCode actual = QrEncoder.maskZero(text);
        String what = text.length() + " characters: " + (text.length() > 60 ? text.substring(0, 60) + "..." : text);
        assertThat(actual.getMode()).as("mode, %s", what).isEqualTo(expected.getMode());
        assertThat(actual.getECLevel()).as("level, %s", what).isEqualTo(ErrorCorrectionLevel.M);
        assertThat(actual.getVersion()).as("version, %s", what).isSameAs(expected.getVersion());
        assertThat(actual.getMaskPattern()).as("mask, %s", what).isZero();
        ByteMatrix e = expected.getMatrix();
        ByteMatrix a = actual.getMatrix();
        assertThat(a.getWidth()).as("width, %s", what).isEqualTo(e.getWidth());
        assertThat(a.getHeight()).as("height, %s", what).isEqualTo(e.getHeight());
        for (int y = 0; y < e.getHeight(); y++) {
            for (int x = 0; x < e.getWidth(); x++) {
                if (a.get(x, y) != e.get(x, y)) {
                    fail("module x %d, y %d is %d, ZXing's %d; version %d, %s", x, y, a.get(x, y), e.get(x, y),
                            (e.getWidth() - 17) / 4, what);
                }
            }
        }
        return actual;
    }

    /** Base64url parts joined by dots, like a compact JWS. */
    private static String jws(Random random, int length) {
        return byteMode(new StringBuilder(QrTexts.jws(random, length)), 'a');
    }

    /** Text that ZXing encodes in byte mode: at least one character outside its alphanumeric table. */
    private static String latin1(Random random, int length) {
        return byteMode(new StringBuilder(QrTexts.random(random, LATIN1_ALPHABET, length)), '\u00e9');
    }

    private static String byteMode(StringBuilder text, char replacement) {
        if (text.length() > 0 && text.chars().allMatch(c -> QrTexts.ALPHANUMERIC.indexOf(c) >= 0)) {
            text.setCharAt(0, replacement);
        }
        return text.toString();
    }
}
