package id.go.dukcapil.ikd.web;

import java.util.List;
import java.util.Locale;

/** Bahasa Indonesia first: English only when the client prefers it. */
public final class Languages {

    public static final String INDONESIAN = "id";
    public static final String ENGLISH = "en";

    private Languages() {
    }

    /** "en" when the client's most preferred supported language is English, otherwise "id". */
    public static String preferred(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale locale : acceptable) {
                String language = locale.getLanguage();
                if (INDONESIAN.equals(language) || "in".equals(language)) {
                    return INDONESIAN;
                }
                if (ENGLISH.equals(language)) {
                    return ENGLISH;
                }
            }
        }
        return INDONESIAN;
    }

    public static String normalise(String language) {
        return ENGLISH.equalsIgnoreCase(language) ? ENGLISH : INDONESIAN;
    }
}
