package id.go.dukcapil.ikd.registration.rest;

/**
 * A sentence the citizen reads, in Bahasa Indonesia and English: never a code.
 *
 * @param id Bahasa Indonesia
 * @param en English
 */
public record Wording(String id, String en) {

    /**
     * What the citizen can do next.
     *
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
}
