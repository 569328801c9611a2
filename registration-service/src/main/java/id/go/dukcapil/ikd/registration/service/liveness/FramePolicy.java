package id.go.dukcapil.ikd.registration.service.liveness;

import java.util.EnumSet;

import id.go.dukcapil.ikd.registration.config.LivenessConfig;
import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.registration.service.selfie.SelfieInspector;
import id.go.dukcapil.ikd.web.images.ImageFormat;
import id.go.dukcapil.ikd.web.images.ImagePolicy;

/**
 * What one frame of a moving selfie may be: a JPEG within the frame limits, at least as large as a
 * selfie, decoded with subsampling to at most {@code analysis-long-side} (the pixel budget of the
 * detection). Refusals carry the selfie's codes, with {@code field} "frame".
 */
final class FramePolicy {

    private FramePolicy() {
    }

    static ImagePolicy of(RegistrationConfig config) {
        LivenessConfig liveness = config.selfie().liveness();
        RegistrationConfig.Selfie selfie = config.selfie();
        return new ImagePolicy(EnumSet.of(ImageFormat.JPEG), liveness.frameMaxSide(), liveness.frameMaxPixels(),
                selfie.minSide(), selfie.maxBitsPerChannel(), liveness.analysisLongSide(),
                new ImagePolicy.Subject("frame", "bingkai swafoto", "selfie frame"), SelfieInspector.CODES);
    }
}
