package id.go.dukcapil.ikd.web;

/**
 * A text a person reads in an API answer, in Bahasa Indonesia first and English second: never a code.
 *
 * @param id Bahasa Indonesia
 * @param en English
 */
public record Bilingual(String id, String en) {

    /** The same text in both (a name, a number). */
    public static Bilingual same(String text) {
        return new Bilingual(text, text);
    }

    /** "Indonesian / English" (one text when both are the same), for plain text such as CSV. */
    public String plain() {
        return id.equals(en) ? id : id + " / " + en;
    }
}
