package id.go.dukcapil.ikd.web;

/**
 * A kind of error a client can act on: a stable machine-readable {@code code}, an HTTP status,
 * and a title in Bahasa Indonesia (first) and English. Services declare theirs as enums.
 */
public interface ProblemType {

    String code();

    int status();

    String titleId();

    String titleEn();

    default String title(String language) {
        return "en".equals(language) ? titleEn() : titleId();
    }
}
