package id.go.dukcapil.ikd.web.images;

/** Why {@link ImageGuard} refused an image; each maps to a problem code of the caller's API. */
public enum ImageRefusal {
    /** Not an image ImageIO can read, or corrupt or truncated data. */
    NOT_READABLE,
    /** An image, but not one of the accepted formats. */
    FORMAT_UNSUPPORTED,
    /** Wider, taller or more pixels than the budget, read from the header. */
    TOO_LARGE,
    /** Narrower or lower than the budget's minimum. */
    TOO_SMALL,
    /** More bits per colour channel than the budget allows (e.g. 16-bit PNG). */
    DEPTH_UNSUPPORTED,
    /** Animated (APNG, GIF) or holding several images (MPO, JPEG sequences). */
    MULTIPLE_IMAGES
}
