package id.go.dukcapil.ikd.registration.service.liveness;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** A decoded frame as 8-bit luminance (ITU-R BT.601 weights), with its mean: what detection works on. */
record GreyFrame(byte[] pixels, int width, int height, double meanLuminance) {

    static GreyFrame of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] grey = new byte[width * height];
        long sum = 0;
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < grey.length; i++) {
                int luma = luma(bgr[3 * i + 2] & 0xFF, bgr[3 * i + 1] & 0xFF, bgr[3 * i] & 0xFF);
                grey[i] = (byte) luma;
                sum += luma;
            }
        } else {
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    int rgb = row[x];
                    int luma = luma((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
                    grey[y * width + x] = (byte) luma;
                    sum += luma;
                }
            }
        }
        return new GreyFrame(grey, width, height, (double) sum / grey.length);
    }

    /**
     * The share of the box's pixels with (almost) no change to their right and below neighbours.
     * A photographed face has skin texture and sensor noise everywhere: about 3–4 % of it is flat.
     * A drawn face is filled areas: about 60 % of a cartoon's face is flat, even after JPEG.
     */
    double flatShare(int x, int y, int boxWidth, int boxHeight) {
        int right = Math.min(width, x + boxWidth) - 1;
        int bottom = Math.min(height, y + boxHeight) - 1;
        long flat = 0;
        long counted = 0;
        for (int row = Math.max(0, y); row < bottom; row++) {
            for (int column = Math.max(0, x); column < right; column++) {
                int here = pixels[row * width + column] & 0xFF;
                int change = Math.abs((pixels[row * width + column + 1] & 0xFF) - here)
                        + Math.abs((pixels[(row + 1) * width + column] & 0xFF) - here);
                if (change <= 1) {
                    flat++;
                }
                counted++;
            }
        }
        return counted == 0 ? 1 : (double) flat / counted;
    }

    private static int luma(int r, int g, int b) {
        return (299 * r + 587 * g + 114 * b) / 1000;
    }
}
