package id.go.dukcapil.ikd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import io.restassured.response.Response;

/**
 * What the services' property-based tests send and what they demand back. The generators are
 * jqwik's; a @QuarkusTest draws samples from them ({@code sampleStream()}) because jqwik's own engine
 * cannot run inside Quarkus's JUnit extension. The property: never a 5xx, and every answer that is
 * not a success is problem+json with a {@code code}.
 */
public final class HostileInput {

    private HostileInput() {
    }

    /**
     * Sends one request that must be refused: the given status, problem+json with {@code code},
     * nosniff, and at most one log line for the refusal.
     */
    public static Response refusal(Supplier<Response> request, int status, String code) {
        try (LogCapture logs = LogCapture.start()) {
            Response response = request.get();
            response.then().statusCode(status).contentType("application/problem+json")
                    .body("code", org.hamcrest.Matchers.equalTo(code))
                    .header("X-Content-Type-Options", "nosniff");
            assertThat(logs.lines()).as("log lines of one refusal").hasSizeLessThanOrEqualTo(1);
            return response;
        }
    }

    /** Fails unless the answer is a success or a client problem with a code. */
    public static void assertSuccessOrProblem(Response response, String sent) {
        int status = response.statusCode();
        assertThat(status).as("status for %s", abbreviate(sent)).isLessThan(500);
        if (status >= 400) {
            assertThat(response.contentType()).as("content type of %d for %s", status, abbreviate(sent))
                    .startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("code")).as("code of %d for %s", status, abbreviate(sent))
                    .isNotBlank();
        }
    }

    /**
     * JSON texts of every shape: objects holding the endpoint's own field names with values of every
     * type (strings with NUL and non-ASCII, huge numbers, nested objects and arrays), top-level
     * arrays, strings and scalars, and broken JSON.
     */
    public static Arbitrary<String> json(List<String> fieldNames) {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(fieldNames), Arbitraries.strings().ofMaxLength(8));
        Arbitrary<String> value = Arbitraries.lazyOf(() -> scalar(),
                () -> scalar().list().ofMaxSize(3).map(values -> "[" + String.join(",", values) + "]"),
                () -> Arbitraries.of(fieldNames).flatMap(name -> scalar().map(v -> "{\"" + name + "\":" + v + "}")));
        Arbitrary<String> object = Arbitraries.maps(key, value).ofMaxSize(fieldNames.size() + 2)
                .map(fields -> fields.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue())
                        .collect(Collectors.joining(",", "{", "}")));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, object),
                net.jqwik.api.Tuple.of(1, value),
                net.jqwik.api.Tuple.of(1, object.map(text -> text.substring(0, text.length() / 2))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 3000)
                        .map(depth -> "{\"" + fieldNames.get(0) + "\":" + "[".repeat(depth) + "]".repeat(depth) + "}")));
    }

    private static Arbitrary<String> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(HostileInput::quote),
                Arbitraries.strings().withChars("\u0000\u0001\u00e9\u4e2d\ud83d\ude00 \"\\").ofMaxLength(6)
                        .map(HostileInput::quote),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("1e400", "-0", "0.5", "123456789012345678901234567890", "true", "false", "null",
                        "{}", "[]", "\"\""));
    }

    /** Mutations of a real token or code: cut, extended, a character changed, segments swapped. */
    public static Arbitrary<String> mutationsOf(String original) {
        int length = original.length();
        Arbitrary<Integer> at = Arbitraries.integers().between(0, Math.max(0, length - 1));
        return Arbitraries.oneOf(
                at.map(i -> original.substring(0, i)),
                at.map(i -> original.substring(i)),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(20).map(tail -> original + tail),
                net.jqwik.api.Combinators.combine(at, Arbitraries.chars()).as((i, c) -> length == 0 ? String.valueOf(c)
                        : original.substring(0, i) + c + original.substring(i + 1)),
                Arbitraries.just(original).map(HostileInput::swapSegments),
                Arbitraries.strings().ofMaxLength(200));
    }

    private static String swapSegments(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length < 2) {
            return new StringBuilder(token).reverse().toString();
        }
        String first = parts[0];
        parts[0] = parts[parts.length - 1];
        parts[parts.length - 1] = first;
        return String.join(".", parts);
    }

    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…(" + text.length() + " chars)";
    }
}
