package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import id.go.dukcapil.ikd.verification.service.VerificationRetention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The citizen withdraws in the app (UU PDP): the case leaves the queue and is pseudonymised at
 * once, as the retention table says a closed case ends; status and dates stay for statistics.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class CitizenWithdrawalTest {

    private static final String NIK = "3171011212000001";

    @Inject
    Pool pool;

    @Test
    void aWithdrawnCaseLeavesTheQueueAndKeepsNoPersonalData() {
        String operator = TestSupport.login("demo.operator");
        Registration registration = TestSupport.submit(NIK);
        UUID registrationId = registration.registrationId();
        String caseId = VerificationFlowTest.awaitQueued(operator, registrationId);
        assertThat(caseRow(registrationId).getString("nik")).isEqualTo(NIK);

        RegistrationWithdrawn withdrawn = new RegistrationWithdrawn(registrationId, WithdrawalReason.CITIZEN_REQUEST,
                Instant.now());
        String eventId = UUID.randomUUID().toString();
        TestSupport.publish(withdrawn, eventId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(caseRow(registrationId).getString("status"))
                .isEqualTo("WITHDRAWN"));

        Row row = caseRow(registrationId);
        assertThat(row.getString("nik")).isEqualTo(VerificationRetention.NO_NIK);
        assertThat(row.getString("email")).isEmpty();
        assertThat(row.getString("phone")).isEmpty();
        assertThat(row.getString("device_key_jwk")).isEmpty();
        assertThat(row.getString("device_key_thumbprint")).isEmpty();
        assertThat(row.getString("selfie_sha256")).isEmpty();
        assertThat(row.getValue("closed_at")).as("dates stay for statistics").isNotNull();
        given().auth().oauth2(operator).get("/api/v1/operator/cases").then().statusCode(200)
                .body("caseId", not(hasItem(caseId)));
        VerificationFlowTest.scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(409)
                .body("code", equalTo("CASE_CLOSED"));

        // the same event again (a redelivery) changes nothing and fails nothing
        TestSupport.publish(withdrawn, eventId);
        TestSupport.publish(withdrawn);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(caseRow(registrationId).getString("nik")).isEqualTo(VerificationRetention.NO_NIK));
    }

    private Row caseRow(UUID registrationId) {
        return pool.preparedQuery("select * from verification_case where registration_id = $1")
                .execute(Tuple.of(registrationId)).await().indefinitely().iterator().next();
    }
}
