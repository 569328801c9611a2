package id.go.dukcapil.ikd.verification.demo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import id.go.dukcapil.ikd.web.Digests;

/**
 * Registry photos of the synthetic population: a small SVG portrait rendered from the NIK, name
 * and sex, the same bytes every time, so the stored {@code photo_sha256} always matches the image
 * the portal shows. No real face is involved.
 */
public final class ResidentPhotos {

    public static final String CONTENT_TYPE = "image/svg+xml";

    private ResidentPhotos() {
    }

    public static byte[] render(String nik, String fullName, String sex) {
        byte[] digest = Digests.sha256(nik.getBytes(StandardCharsets.US_ASCII));
        String background = String.format("#%02x%02x%02x", 96 + (digest[0] & 0x7f), 96 + (digest[1] & 0x7f),
                96 + (digest[2] & 0x7f));
        String skin = String.format("#%02x%02x%02x", 170 + (digest[3] & 0x3f), 120 + (digest[4] & 0x3f),
                80 + (digest[5] & 0x3f));
        boolean female = "PEREMPUAN".equals(sex);
        String initials = Arrays.stream(fullName.split("\\s+")).filter(part -> !part.isEmpty()).limit(2)
                .map(part -> part.substring(0, 1)).collect(Collectors.joining());
        String hair = female
                ? "<path d='M30 70 Q30 25 60 25 Q90 25 90 70 L90 110 L30 110 Z' fill='#2b1d14'/>"
                : "<path d='M36 58 Q36 28 60 28 Q84 28 84 58 Q72 44 60 46 Q48 44 36 58 Z' fill='#2b1d14'/>";
        String svg = "<svg xmlns='http://www.w3.org/2000/svg' width='120' height='160' viewBox='0 0 120 160'>"
                + "<rect width='120' height='160' fill='" + background + "'/>"
                + hair
                + "<ellipse cx='60' cy='64' rx='22' ry='27' fill='" + skin + "'/>"
                + "<path d='M18 160 Q18 104 60 104 Q102 104 102 160 Z' fill='#f4f4f4'/>"
                + "<text x='60' y='150' font-family='sans-serif' font-size='14' text-anchor='middle' fill='#333'>"
                + initials + "</text></svg>";
        return svg.getBytes(StandardCharsets.UTF_8);
    }

}
