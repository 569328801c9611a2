package id.go.dukcapil.ikd.web.images;

/** What the header says, before any pixel is decoded. */
public record ImageHeader(ImageFormat format, int width, int height, int bitsPerChannel, int channels, int images) {

    public long pixels() {
        return (long) width * height;
    }
}
