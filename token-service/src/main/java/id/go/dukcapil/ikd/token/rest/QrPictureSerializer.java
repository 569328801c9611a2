package id.go.dukcapil.ikd.token.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import id.go.dukcapil.ikd.token.rest.QrTokenResource.QrPicture;

/**
 * Writes the QR images of a mint answer without escaping them: the SVG (single-quoted attributes,
 * path commands) and the base64 PNG are ASCII that this service drew, with nothing JSON would
 * escape. Jackson's escaping scan of those 14 KB was an eighth of a mint's CPU.
 */
final class QrPictureSerializer extends StdSerializer<QrPicture> {

    QrPictureSerializer() {
        super(QrPicture.class);
    }

    @Override
    public void serialize(QrPicture picture, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartObject();
        json.writeNumberField("version", picture.version());
        json.writeFieldName("pngBase64");
        writeAscii(json, picture.pngBase64());
        json.writeFieldName("svg");
        writeAscii(json, picture.svg());
        json.writeEndObject();
    }

    private static void writeAscii(JsonGenerator json, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        json.writeRawUTF8String(bytes, 0, bytes.length);
    }
}
