package id.go.dukcapil.ikd.load;

import id.go.dukcapil.ikd.testing.PhoneSelfie;

/** The harness' selfie: platform/testing's {@link PhoneSelfie}, a 720×960 JPEG of about 50 KB. */
public final class Selfie {

    public static final int WIDTH = PhoneSelfie.WIDTH;
    public static final int HEIGHT = PhoneSelfie.HEIGHT;
    public static final int TARGET_BYTES = PhoneSelfie.TARGET_BYTES;

    private Selfie() {
    }

    public static byte[] jpeg() {
        return PhoneSelfie.jpeg();
    }
}
