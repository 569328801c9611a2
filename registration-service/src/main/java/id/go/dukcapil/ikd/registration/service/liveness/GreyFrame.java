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

    private static int luma(int r, int g, int b) {
        return (299 * r + 587 * g + 114 * b) / 1000;
    }
}
