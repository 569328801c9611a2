package id.go.dukcapil.ikd.web.images;

import java.awt.image.BufferedImage;

/**
 * An image {@link ImageGuard} let through: its header, and the pixels decoded with
 * {@code subsampling} (every n-th pixel of every n-th row; 1 when decoded at full size). Grey
 * when it was decoded only as a proof ({@link ImageGuard.Purpose#PROVE}).
 */
public record DecodedImage(ImageHeader header, BufferedImage image, int subsampling) {
}
