package id.go.dukcapil.ikd.registration.rest;

/**
 * What the citizen can do next, in Bahasa Indonesia and English.
 *
 * @param id Bahasa Indonesia
 * @param en English
 * @param action {@code REGISTER_AGAIN} when the app offers a button to register again, else null
 */
public record NextStep(String id, String en, String action) {

    static final String REGISTER_AGAIN = "REGISTER_AGAIN";

    static NextStep registerAgain(String id, String en) {
        return new NextStep(id, en, REGISTER_AGAIN);
    }

    static NextStep only(String id, String en) {
        return new NextStep(id, en, null);
    }
}
