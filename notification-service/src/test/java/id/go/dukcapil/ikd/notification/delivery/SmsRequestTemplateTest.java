package id.go.dukcapil.ikd.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.notification.config.NotificationConfig.Sms.ContentType;

/** The SMS request body: the suite contract by default, and values that cannot break out of their place. */
class SmsRequestTemplateTest {

    /** Everything that breaks a hand-built request: quotes, line breaks, separators, non-ASCII Indonesian text. */
    static final String HOSTILE_MESSAGE = "PIN \"123456\" – Dinas Dukcapil Kab. Bandung & Cimahi\n"
            + "\\\",\"to\":\"+6281199999999&to=+6281199999999&reference=x%20y+z Sampai jumpa, Bu Siti ☺ é\u0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record SuiteContract(String to, String message, String reference) {
    }

    @Test
    void theDefaultIsTheSuiteContractByteForByte() throws Exception {
        SmsRequestTemplate template = SmsRequestTemplate.parse(SmsRequestTemplate.SUITE_JSON, ContentType.JSON, false);

        String body = template.render("+6281234567890", HOSTILE_MESSAGE, "f6fb160e-a38a-4dac-84f8-1dcf63f40c5e", null);

        // what the former fixed client sent: the record {"to","message","reference"} serialised by Jackson
        assertThat(body).isEqualTo(JSON.writeValueAsString(new SuiteContract("+6281234567890", HOSTILE_MESSAGE,
                "f6fb160e-a38a-4dac-84f8-1dcf63f40c5e")));
    }

    @Test
    void jsonValuesAreEscapedSoTheyComeBackWholeAndAddNoField() throws Exception {
        SmsRequestTemplate template = SmsRequestTemplate.parse(
                "{\"messages\":[{\"destination\":\"{{to}}\",\"text\":\"IKD: {{message}}\"}],\"ref\":\"{{reference}}\"}",
                ContentType.JSON, false);

        JsonNode request = JSON.readTree(template.render("+6281234567890", HOSTILE_MESSAGE, "ref-1", null));

        assertThat(request.path("messages").get(0).path("text").textValue()).isEqualTo("IKD: " + HOSTILE_MESSAGE);
        assertThat(request.path("messages").get(0).path("destination").textValue()).isEqualTo("+6281234567890");
        assertThat(request.path("messages").get(0).size()).isEqualTo(2);
        assertThat(fieldNames(request)).containsExactly("messages", "ref");
    }

    @Test
    void formValuesAreUrlEncodedSoTheyComeBackWholeAndAddNoField() {
        SmsRequestTemplate template = SmsRequestTemplate.parse(
                "msisdn={{to}}&text={{message}}&from={{sender}}&ref={{reference}}", ContentType.FORM, true);

        String body = template.render("+6281234567890", HOSTILE_MESSAGE, "ref-1", "DUKCAPIL");

        assertThat(body).doesNotContain("\n", " ", "\"").startsWith("msisdn=%2B6281234567890&text=");
        assertThat(form(body)).containsExactly(Map.entry("msisdn", "+6281234567890"),
                Map.entry("text", HOSTILE_MESSAGE), Map.entry("from", "DUKCAPIL"), Map.entry("ref", "ref-1"));
    }

    @Test
    void anUnknownPlaceholderIsRefusedByName() {
        assertThatThrownBy(() -> SmsRequestTemplate.parse("{\"phone\":\"{{phone}}\",\"text\":\"{{message}}\"}",
                ContentType.JSON, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ikd.notification.sms.body-template is unusable: unknown placeholder {{phone}}; "
                        + "known: {{to}}, {{message}}, {{reference}}, {{sender}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"to\":{{to}},\"message\":\"{{message}}\"}", // outside quotes: the value would be JSON code
            "{\"{{to}}\":\"x\",\"message\":\"{{message}}\"}", // a key, not a value
            "{\"message\":\"{{message}}\"}", // no recipient
            "{\"to\":\"{{to}\",\"message\":\"{{message}}\"}", // typo: not closed
            "{\"to\":\"{{to}}\",\"message\":\"{{message}}\"", // not JSON at all
            "{\"to\":\"{{to}}\",\"message\":\"{{message}}\"}}", // a brace too many: text after the JSON
            "\"{{to}} {{message}}\"" // not an object
    })
    void jsonTemplatesThatWouldMisplaceAValueAreRefused(String template) {
        assertThatThrownBy(() -> SmsRequestTemplate.parse(template, ContentType.JSON, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ikd.notification.sms.body-template is unusable: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "to={{to}}&message=IKD {{message}}", // a raw space
            "{{to}}={{message}}", // a value as a field name
            "to={{to}}&message={{message}}&flag", // not name=value
            "to={{to}}&message={{message}}&note=100%" // broken percent-encoding
    })
    void formTemplatesThatWouldMisplaceAValueAreRefused(String template) {
        assertThatThrownBy(() -> SmsRequestTemplate.parse(template, ContentType.FORM, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ikd.notification.sms.body-template is unusable: ");
    }

    @Test
    void aSenderPlaceholderNeedsASenderId() {
        assertThatThrownBy(() -> SmsRequestTemplate.parse("to={{to}}&message={{message}}&from={{sender}}",
                ContentType.FORM, false))
                .hasMessageContaining("{{sender}}").hasMessageContaining("ikd.notification.sms.sender-id");
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2)).forEach(pair -> fields.put(
                URLDecoder.decode(pair[0], StandardCharsets.UTF_8), URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        return fields;
    }
}
