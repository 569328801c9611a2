package id.go.dukcapil.ikd.notification.delivery;

/**
 * How many SMS segments a text takes (3GPP TS 23.038): GSM-7 when every character is in the
 * default alphabet or its extension table (which costs two septets: {@code ^ { } \ [ ~ ] | €}),
 * 160 septets in one segment and 153 a segment when concatenated; otherwise UCS-2, 70 characters
 * in one segment and 67 a segment when concatenated.
 */
final class Gsm7 {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private Gsm7() {
    }

    /** Septets of the text in GSM-7, or -1 when a character needs UCS-2. */
    static int septets(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                septets += 1;
            } else if (EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return -1;
            }
        }
        return septets;
    }

    static int segments(String text) {
        int septets = septets(text);
        if (septets < 0) {
            int units = text.length(); // UTF-16 code units, as UCS-2 counts them
            return units <= 70 ? 1 : (units + 66) / 67;
        }
        return septets <= 160 ? 1 : (septets + 152) / 153;
    }
}
