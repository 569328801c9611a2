package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Anyone who read a citizen's KTP knows the NIK and can register it too. Registrations of one NIK
 * no longer cancel each other: the operator sees them side by side and approves the one on the
 * citizen's phone (the code scanned from it opened the case); the others close then.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class SameNikRegistrationsTest {

    private static final Map<String, Object> APPROVE = Map.of("decision", "APPROVED", "channel", "COUNTER",
            "ktpElChecked", true);

    @Inject
    Pool pool;

    @Test
    void aStrangersRegistrationDoesNotCancelTheCitizensAndTheScannedOneIsApprovedAlone() {
        String operator = TestSupport.login("demo.operator");
        String nik = approvableNik();
        Registration citizen = TestSupport.submit(nik);
        Registration stranger = TestSupport.submit(nik);
        String citizenCase = VerificationFlowTest.awaitQueued(operator, citizen.registrationId());
        String strangerCase = VerificationFlowTest.awaitQueued(operator, stranger.registrationId());

        // the citizen is at the counter with their phone: its code opens their case, and the
        // stranger's registration is listed beside it
        VerificationFlowTest.scan(operator, Map.of("shortCode", citizen.shortCode())).statusCode(200)
                .body("caseId", equalTo(citizenCase))
                .body("otherOpenRegistrations", hasSize(1))
                .body("otherOpenRegistrations[0].registrationId", equalTo(stranger.registrationId().toString()))
                .body("otherOpenRegistrations[0].caseId", equalTo(strangerCase))
                .body("otherOpenRegistrations[0].status", equalTo("QUEUED"))
                .body("otherOpenRegistrations[0].deviceKeyFingerprint", equalTo("NzbLsXh8"));

        VerificationFlowTest.decide(operator, citizenCase, APPROVE).statusCode(200).body("status", equalTo("APPROVED"))
                .body("otherOpenRegistrations", hasSize(0));
        given().auth().oauth2(operator).get("/api/v1/operator/cases/" + strangerCase).then().statusCode(200)
                .body("status", equalTo("SUPERSEDED"));
        VerificationFlowTest.scan(operator, Map.of("shortCode", stranger.shortCode())).statusCode(409)
                .body("code", equalTo("CASE_CLOSED"));
        given().auth().oauth2(operator).get("/api/v1/operator/cases").then().statusCode(200)
                .body("findAll { it.registrationId == '" + stranger.registrationId() + "' }", hasSize(0));

        // registration-service then withdraws the stranger's registration: nothing changes twice
        TestSupport.publish(new RegistrationWithdrawn(stranger.registrationId(), WithdrawalReason.SUPERSEDED,
                Instant.now(), citizen.registrationId()));
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                "select count(*) from service_log_entry where registration_id = $1 and action = 'SUPERSEDED'")
                .execute(Tuple.of(stranger.registrationId())).await().indefinitely().iterator().next().getLong(0) >= 1);
        given().auth().oauth2(operator).get("/api/v1/operator/cases/" + strangerCase).then()
                .body("status", equalTo("SUPERSEDED"));
        given().auth().oauth2(operator).get("/api/v1/operator/cases/" + citizenCase).then()
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void aRejectionClosesNothingElse() {
        String operator = TestSupport.login("demo.operator");
        String nik = approvableNik();
        Registration stranger = TestSupport.submit(nik);
        Registration citizen = TestSupport.submit(nik);
        String strangerCase = VerificationFlowTest.awaitQueued(operator, stranger.registrationId());
        String citizenCase = VerificationFlowTest.awaitQueued(operator, citizen.registrationId());
        VerificationFlowTest.scan(operator, Map.of("shortCode", stranger.shortCode())).statusCode(200);
        VerificationFlowTest.decide(operator, strangerCase, Map.of("decision", "REJECTED", "reasonCode",
                "FACE_MISMATCH", "channel", "COUNTER", "ktpElChecked", true)).statusCode(200);
        VerificationFlowTest.scan(operator, Map.of("shortCode", citizen.shortCode())).statusCode(200)
                .body("status", equalTo("IN_REVIEW")).body("otherOpenRegistrations", hasSize(0));
        VerificationFlowTest.decide(operator, citizenCase, APPROVE).statusCode(200);
    }

    @Test
    void twoApprovalsOfOneNikAtOnceLeaveOne() throws Exception {
        String operator = TestSupport.login("demo.operator");
        String supervisor = TestSupport.login("demo.supervisor");
        String nik = approvableNik();
        Registration first = TestSupport.submit(nik);
        Registration second = TestSupport.submit(nik);
        String firstCase = VerificationFlowTest.awaitQueued(operator, first.registrationId());
        String secondCase = VerificationFlowTest.awaitQueued(operator, second.registrationId());
        VerificationFlowTest.scan(operator, Map.of("shortCode", first.shortCode())).statusCode(200);
        VerificationFlowTest.scan(supervisor, Map.of("shortCode", second.shortCode())).statusCode(200)
                .body("otherOpenRegistrations.status", contains("IN_REVIEW"));
        try (var threads = Executors.newFixedThreadPool(2)) {
            var a = threads.submit(() -> VerificationFlowTest.decide(operator, firstCase, APPROVE).extract());
            var b = threads.submit(() -> VerificationFlowTest.decide(supervisor, secondCase, APPROVE).extract());
            var answers = List.of(a.get(), b.get());
            assertThat(answers).extracting(r -> r.statusCode()).containsExactlyInAnyOrder(200, 409);
            assertThat(answers).filteredOn(r -> r.statusCode() == 409).extracting(r -> r.<String>path("code"))
                    .allMatch(code -> code.equals("CASE_CLOSED") || code.equals("CASE_CHANGED"));
        }
        long approved = pool.preparedQuery("select count(*) from verification_case where nik = $1 and status = 'APPROVED'")
                .execute(Tuple.of(nik)).await().indefinitely().iterator().next().getLong(0);
        assertThat(approved).isEqualTo(1);
    }

    /** An unused resident the registry lets an operator approve, queued at the demo office (Jakarta Pusat, 31.71). */
    private String approvableNik() {
        return pool.preparedQuery("""
                select nik from registry_resident r
                where ktp_el_status = 'PRINTED' and life_status <> 'DECEASED' and domicile_status <> 'MOVED'
                  and nik like '3171%'
                  and not exists (select 1 from verification_case c where c.nik = r.nik)
                order by md5(nik || $1) limit 1""")
                .execute(Tuple.of(UUID.randomUUID().toString())).await().indefinitely().iterator().next().getString(0);
    }
}
