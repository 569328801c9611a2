package id.go.dukcapil.ikd.web.images;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.util.Arrays;

/**
 * Whether an embedded ICC profile says no more than a JPEG without one: sRGB. Browsers' canvases
 * (Chromium's among them) embed a compact sRGB profile in every JPEG they encode; dropping it leaves
 * the colours as they were, whereas dropping any other profile (Adobe RGB, a camera's wide gamut)
 * would change them.
 *
 * <p>The profile is read and evaluated by the JDK's colour management (LCMS), not by own parsing: a
 * grid of colours is taken through it and through the JDK's sRGB, and the two must agree in CIE XYZ
 * within {@link #TOLERANCE} (Chromium's profile: 0.0003; Adobe RGB: 0.18). The last profile found to
 * be sRGB is remembered, so a stream of frames from one browser costs one evaluation (about 7 ms).
 */
public final class SrgbProfile {

    /** Largest difference in CIE XYZ (0..1) still taken as the same colour. */
    private static final float TOLERANCE = 0.005f;
    private static final float[] LEVELS = { 0f, 0.05f, 0.2f, 0.5f, 0.8f, 1f };
    private static final ColorSpace SRGB = ColorSpace.getInstance(ColorSpace.CS_sRGB);

    private static volatile byte[] lastSrgb = new byte[0];

    private SrgbProfile() {
    }

    /** True when {@code icc} (a whole profile, at most one APP2 segment's worth) describes sRGB. */
    public static boolean describesSrgb(byte[] icc) {
        if (Arrays.equals(icc, lastSrgb)) {
            return true;
        }
        boolean srgb = evaluatesAsSrgb(icc);
        if (srgb) {
            lastSrgb = icc.clone();
        }
        return srgb;
    }

    private static boolean evaluatesAsSrgb(byte[] icc) {
        ICC_ColorSpace space;
        try {
            ICC_Profile profile = ICC_Profile.getInstance(icc);
            if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB) {
                return false;
            }
            space = new ICC_ColorSpace(profile);
            for (float r : LEVELS) {
                for (float g : LEVELS) {
                    for (float b : LEVELS) {
                        float[] rgb = { r, g, b };
                        if (!close(space.toCIEXYZ(rgb), SRGB.toCIEXYZ(rgb))) {
                            return false;
                        }
                    }
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false; // not a profile the colour management can read: not known to be sRGB
        }
    }

    private static boolean close(float[] a, float[] b) {
        for (int i = 0; i < 3; i++) {
            if (Math.abs(a[i] - b[i]) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }
}
