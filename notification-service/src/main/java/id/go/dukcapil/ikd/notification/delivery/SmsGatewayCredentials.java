package id.go.dukcapil.ikd.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import id.go.dukcapil.ikd.notification.config.NotificationConfig;
import io.quarkus.runtime.Startup;

/**
 * The gateway's credentials, as one header on every request: a bearer token
 * ({@code ikd.notification.sms.token}), HTTP Basic ({@code basic-username}/{@code basic-password})
 * or an API key in a header of the gateway's choosing ({@code api-key}, {@code api-key-header}).
 * At most one may be configured; anything ambiguous or incomplete stops the start-up, so that a
 * deployment never sends SMS with credentials other than the ones ops meant. The values are never
 * logged.
 */
@Singleton
@Startup
public class SmsGatewayCredentials implements ClientHeadersFactory {

    /** RFC 9110 token characters: a header name that cannot smuggle a second header. */
    private static final Pattern HEADER_NAME = Pattern.compile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$");

    private final MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();

    public SmsGatewayCredentials(NotificationConfig config) {
        NotificationConfig.Sms sms = config.sms();
        Optional<String> token = present(sms.token());
        Optional<String> user = present(sms.basicUsername());
        Optional<String> password = present(sms.basicPassword());
        Optional<String> apiKey = present(sms.apiKey());

        List<String> configured = new ArrayList<>();
        token.ifPresent(ignored -> configured.add("token"));
        if (user.isPresent() || password.isPresent()) {
            configured.add("basic-username/basic-password");
        }
        apiKey.ifPresent(ignored -> configured.add("api-key"));
        if (configured.size() > 1) {
            throw refused("configure one kind of credentials, not " + String.join(" and ", configured));
        }
        if (user.isPresent() != password.isPresent()) {
            throw refused("basic-username and basic-password go together");
        }
        if (user.isPresent() && user.get().contains(":")) {
            throw refused("basic-username cannot contain ':' (RFC 7617)");
        }
        for (String value : List.of(token.orElse(""), user.orElse(""), password.orElse(""), apiKey.orElse(""))) {
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
                throw refused("credentials cannot contain line breaks");
            }
        }
        token.ifPresent(value -> headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + value));
        if (user.isPresent()) {
            String pair = user.get() + ":" + password.get();
            headers.putSingle(HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        if (apiKey.isPresent()) {
            String header = sms.apiKeyHeader().strip();
            if (!HEADER_NAME.matcher(header).matches()) {
                throw refused("api-key-header \"" + header + "\" is not an HTTP header name");
            }
            headers.putSingle(header, apiKey.get());
        }
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
            MultivaluedMap<String, String> clientOutgoingHeaders) {
        // a copy: the client merges into what it gets
        return new MultivaluedHashMap<>(headers);
    }

    private static Optional<String> present(Optional<String> value) {
        return value.filter(v -> !v.isBlank());
    }

    private static IllegalArgumentException refused(String problem) {
        return new IllegalArgumentException("ikd.notification.sms credentials are unusable: " + problem);
    }

    @Override
    public String toString() {
        return "SmsGatewayCredentials[redacted]";
    }
}
