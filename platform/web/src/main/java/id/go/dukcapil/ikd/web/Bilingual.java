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
}
