package id.go.dukcapil.ikd.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a run needs before its measured phase, made through the public APIs: counter operators
 * of the demo office ({@code load.operator.NN}, created by the demo admin when missing) signed
 * in, and residents the registry holds that an operator may approve (read from the
 * verification database, as a test fixture: the suite has no API that lists residents).
 */
public final class SuiteFixture {

    static final String OFFICE = "3171-DEMO";
    static final String OPERATOR_PASSWORD = "Load-Test-IKD-2026!";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SuiteFixture(LoadSettings settings) {
        this.settings = settings;
    }

    /** Bearer tokens of {@code count} signed-in operators of the demo office (local approval). */
    public List<String> operatorTokens(int count) {
        String admin = signIn(settings.adminUser, settings.adminPassword);
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String username = String.format("load.operator.%02d", i);
            JsonNode created = post(settings.verification + "/api/v1/admin/operators", admin, Map.of("username", username,
                    "fullName", "Operator Uji Beban " + i, "officeCode", OFFICE, "roles", List.of("operator"),
                    "password", OPERATOR_PASSWORD));
            if (created == null) {
                throw new IllegalStateException("could not create operator " + username);
            }
            tokens.add(signIn(username, OPERATOR_PASSWORD));
        }
        return tokens;
    }

    private String signIn(String username, String password) {
        JsonNode session = post(settings.verification + "/api/v1/operator/sessions", null,
                Map.of("username", username, "password", password));
        if (session == null || !session.hasNonNull("accessToken")) {
            throw new IllegalStateException("operator " + username + " could not sign in: " + session);
        }
        return session.path("accessToken").asText();
    }

    /** POSTs JSON; the answer's JSON for 2xx, an empty object for 409 (already there), null otherwise. */
    private JsonNode post(String url, String bearer, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return JSON.readTree(response.body());
            }
            if (response.statusCode() == 409) {
                return JSON.createObjectNode();
            }
            System.err.println("POST " + url + " → " + response.statusCode() + " " + response.body());
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("POST " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code count} NIKs of living residents with a printed KTP-el, in a random order: approvable. */
    public List<String> approvableNiks(int count) {
        try (Connection connection = DriverManager.getConnection(settings.verificationJdbc, settings.databaseUser,
                settings.databasePassword);
                PreparedStatement select = connection.prepareStatement("""
                        select nik from registry_resident
                        where ktp_el_status = 'PRINTED' and life_status = 'ALIVE' and domicile_status = 'RESIDENT'
                        order by random() limit ?""")) {
            select.setInt(1, count);
            List<String> niks = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    niks.add(rows.getString(1));
                }
            }
            if (niks.size() < count) {
                throw new IllegalStateException("the registry holds only " + niks.size() + " approvable residents");
            }
            return niks;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the registry at " + settings.verificationJdbc + ": " + e.getMessage(), e);
        }
    }
}
