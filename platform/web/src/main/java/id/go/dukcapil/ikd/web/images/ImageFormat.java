package id.go.dukcapil.ikd.web.images;

import java.util.Locale;
import java.util.Optional;

/** The raster formats a service may accept; anything else ImageIO can read is refused. */
public enum ImageFormat {
    JPEG, PNG, GIF;

    /** The format of an ImageIO reader's {@code getFormatName()}, if it is one of these. */
    static Optional<ImageFormat> of(String readerFormatName) {
        return switch (readerFormatName.toLowerCase(Locale.ROOT)) {
            case "jpeg", "jpg" -> Optional.of(JPEG);
            case "png" -> Optional.of(PNG);
            case "gif" -> Optional.of(GIF);
            default -> Optional.empty();
        };
    }
}
