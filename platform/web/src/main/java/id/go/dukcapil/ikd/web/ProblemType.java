package id.go.dukcapil.ikd.web;

/**
 * A kind of error a client can act on: a stable machine-readable {@code code}, an HTTP status,
 * and a title in Bahasa Indonesia (first) and English. Services declare theirs as enums whose
 * constant names are the codes and which hold one {@link Definition} each.
 */
public interface ProblemType {

    /** Everything about a problem but its code: the HTTP status and the title in both languages. */
    record Definition(int status, String titleId, String titleEn) {
    }

    /** The constant's name: the stable code clients match on. */
    String name();

    Definition definition();

    default String code() {
        return name();
    }

    default int status() {
        return definition().status();
    }

    default String titleId() {
        return definition().titleId();
    }

    default String titleEn() {
        return definition().titleEn();
    }

    default String title(String language) {
        return "en".equals(language) ? titleEn() : titleId();
    }
}
