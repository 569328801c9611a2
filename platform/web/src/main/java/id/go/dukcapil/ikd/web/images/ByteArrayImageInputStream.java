package id.go.dukcapil.ikd.web.images;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO stream over bytes already in memory. ImageIO's own memory-cache stream would copy
 * them once more into its cache; this one seeks in the array.
 */
final class ByteArrayImageInputStream extends ImageInputStreamImpl {

    private final byte[] data;

    ByteArrayImageInputStream(byte[] data) {
        this.data = data;
    }

    @Override
    public int read() {
        checkClosedQuietly();
        if (streamPos >= data.length) {
            return -1;
        }
        bitOffset = 0;
        return data[(int) streamPos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        checkClosedQuietly();
        if (off < 0 || len < 0 || off + len > b.length) {
            throw new IndexOutOfBoundsException();
        }
        if (len == 0) {
            return 0;
        }
        if (streamPos >= data.length) {
            return -1;
        }
        bitOffset = 0;
        int n = (int) Math.min(len, data.length - streamPos);
        System.arraycopy(data, (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return data.length;
    }

    private void checkClosedQuietly() {
        try {
            checkClosed();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
