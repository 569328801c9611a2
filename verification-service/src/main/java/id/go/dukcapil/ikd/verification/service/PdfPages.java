package id.go.dukcapil.ikd.verification.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A flowing A4 document for the office's prints: headings, wrapped paragraphs, label/value rows,
 * table rows and signature lines, new pages as needed. Text is set in Liberation Sans, the TTF
 * the PDFBox jar ships (embedded as a subset): the Standard 14 fonts encode WinAnsi only, and the
 * documents must print the same on a machine with no system fonts. Not thread-safe: one per print.
 */
final class PdfPages implements AutoCloseable {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 48;
    private static final float BODY = 10;
    private static final float SMALL = 8.5f;

    private final PDDocument document = new PDDocument();
    private final PDFont font;
    private final PDRectangle size;
    private PDPageContentStream page;
    private float y;
    private List<String> headerCells;

    PdfPages(String title, boolean landscape) {
        size = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
        try (InputStream ttf = PdfPages.class.getResourceAsStream(FONT)) {
            if (ttf == null) {
                throw new IllegalStateException("PDFBox's Liberation Sans is missing from the classpath");
            }
            font = PDType0Font.load(document, ttf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setProducer("IKD verification-service");
        newPage();
    }

    float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    void title(String indonesian, String english) {
        lines(indonesian, 15, 0, 19);
        lines(english, 11, 0, 15);
        space(6);
    }

    void heading(String indonesian, String english) {
        space(6);
        lines(indonesian + " / " + english, 11.5f, 0, 15);
    }

    /** A paragraph in Bahasa Indonesia with its English under it, smaller. */
    void text(String indonesian, String english) {
        lines(indonesian, BODY, 0, 13);
        if (english != null) {
            lines(english, SMALL, 0, 11);
        }
    }

    /** "Label / Label: value" on one row, the value wrapped beside the label. */
    void field(String labelId, String labelEn, String value) {
        float labelWidth = 170;
        List<String> values = wrap(value == null || value.isBlank() ? "-" : value, BODY, width() - labelWidth);
        need(13f * values.size());
        write(labelId + " / " + labelEn, SMALL, MARGIN, y);
        for (String line : values) {
            write(line, BODY, MARGIN + labelWidth, y);
            y -= 13;
        }
    }

    /** One table row; {@code widths} are shares of the page width; cells wrap within their column. */
    void row(List<String> cells, float[] widths, boolean header) {
        float fontSize = header ? 7.5f : 8f;
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> lines = wrap(cells.get(i) == null ? "-" : cells.get(i), fontSize, widths[i] * width() - 4);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        if (header) {
            headerCells = cells;
        } else if (y - (10f * height + 4) < MARGIN && headerCells != null) {
            // a table going on to the next page takes its header along
            newPage();
            row(headerCells, widths, true);
        }
        need(10f * height + 4);
        float x = MARGIN;
        for (int i = 0; i < wrapped.size(); i++) {
            float lineY = y;
            for (String line : wrapped.get(i)) {
                write(line, fontSize, x, lineY);
                lineY -= 10;
            }
            x += widths[i] * width();
        }
        y -= 10f * height;
        rule(y + 7);
        y -= 4;
    }

    /** Signature boxes side by side: a caption, room to sign, a line and the name under it. */
    void signatures(List<String[]> parties) {
        need(110);
        float column = width() / parties.size();
        for (int i = 0; i < parties.size(); i++) {
            float x = MARGIN + i * column;
            String[] p = parties.get(i);
            write(p[0], BODY, x, y);
            write(p[1], SMALL, x, y - 11);
            line(x, y - 70, x + column - 24, y - 70);
            write(p[2], BODY, x, y - 83);
        }
        y -= 100;
    }

    void space(float points) {
        y -= points;
    }

    byte[] bytes() {
        try {
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void lines(String text, float fontSize, float indent, float leading) {
        for (String line : wrap(text, fontSize, width() - indent)) {
            need(leading);
            write(line, fontSize, MARGIN + indent, y);
            y -= leading;
        }
    }

    private void need(float height) {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(size);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            y = size.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text, float fontSize, float x, float atY) {
        try {
            page.beginText();
            page.setFont(font, fontSize);
            page.newLineAtOffset(x, atY);
            page.showText(printable(text));
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rule(float atY) {
        line(MARGIN, atY, MARGIN + width(), atY);
    }

    private void line(float x1, float y1, float x2, float y2) {
        try {
            page.setLineWidth(0.4f);
            page.moveTo(x1, y1);
            page.lineTo(x2, y2);
            page.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Words onto lines no wider than {@code max}; a word longer than a line is cut. */
    private List<String> wrap(String text, float fontSize, float max) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, fontSize) <= max || line.isEmpty() && width(word, fontSize) <= max) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, fontSize) > max && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), fontSize) > max) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private float width(String text, float fontSize) {
        try {
            return font.getStringWidth(text) / 1000 * fontSize;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Characters the font has; anything else (a control character, an emoji in a note) as "?". */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
                return;
            }
            boolean has = !Character.isISOControl(cp);
            if (has) {
                try {
                    font.encode(new String(Character.toChars(cp)));
                } catch (IOException | IllegalArgumentException e) {
                    has = false; // no glyph for it in the font
                }
            }
            out.appendCodePoint(has ? cp : '?');
        });
        return out.toString();
    }
}
