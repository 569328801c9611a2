package id.go.dukcapil.ikd.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.web.BearerTokenTypes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * 64 operators scan and approve at the same moment, more than the connection pool holds. Each
 * decision used to hold a transaction's connection while the registry lookup waited for a second
 * one: the pool deadlocked, operators got 500 after 30-60 s, and decisions they were told had
 * failed were recorded. Every answer must now agree with the database.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class ConcurrentOperatorsTest {

    private static final int OPERATORS = 64;
    private static final String OFFICE = "3171-DEMO";

    @Inject
    Pool pool;
    @TestHTTPResource("/")
    URL base;

    private record Work(UUID operatorId, String token, TestSupport.Registration registration) {
    }

    private record Answer(int scan, int decision, String body) {
    }

    @Test
    void sixtyFourOperatorsDecideAtOnceAndEveryAnswerMatchesTheDatabase() throws Exception {
        List<String> niks = approvableNiks(OPERATORS);
        List<Work> work = new ArrayList<>();
        for (int i = 0; i < OPERATORS; i++) {
            UUID operatorId = UUID.randomUUID();
            String username = "load.operator." + operatorId.toString().substring(0, 8);
            pool.preparedQuery("""
                    insert into operator_account (id, username, full_name, office_code, roles, password_hash)
                    values ($1, $2, $3, $4, 'operator', 'not-a-hash: signs in by test token only')""")
                    .execute(Tuple.of(operatorId, username, "Operator Beban " + i, OFFICE)).await().indefinitely();
            String token = Jwt.issuer("https://ikd.dukcapil.go.id").subject(operatorId.toString()).upn(username)
                    .audience("ikd").groups("operator").claim("office", OFFICE).expiresIn(Duration.ofMinutes(30))
                    .jws().type(BearerTokenTypes.OPERATOR).sign();
            work.add(new Work(operatorId, token, TestSupport.submit(niks.get(i))));
        }
        List<UUID> registrations = work.stream().map(w -> w.registration().registrationId()).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> countCases(registrations) == OPERATORS);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService threads = Executors.newFixedThreadPool(OPERATORS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        try {
            for (Work w : work) {
                answers.add(threads.submit(() -> {
                    start.await();
                    HttpResponse<String> scanned = post(http, w.token(), "api/v1/operator/scans",
                            "{\"shortCode\":\"" + w.registration().shortCode() + "\"}");
                    if (scanned.statusCode() != 200) {
                        return new Answer(scanned.statusCode(), -1, scanned.body());
                    }
                    String caseId = scanned.body().replaceAll("(?s)^.*?\"caseId\":\"([0-9a-f-]{36})\".*$", "$1");
                    HttpResponse<String> decided = post(http, w.token(), "api/v1/operator/cases/" + caseId + "/decision",
                            "{\"decision\":\"APPROVED\",\"channel\":\"COUNTER\",\"ktpElChecked\":true}");
                    return new Answer(200, decided.statusCode(), decided.body());
                }));
            }
            long started = System.nanoTime();
            start.countDown();
            List<Answer> results = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                results.add(answer.get());
            }
            System.out.printf("%d concurrent scan+approve: %.1f s%n", OPERATORS, (System.nanoTime() - started) / 1e9);

            Map<UUID, String> recorded = recordedOutcomes(registrations);
            for (int i = 0; i < OPERATORS; i++) {
                UUID registrationId = registrations.get(i);
                Answer answer = results.get(i);
                String outcome = recorded.get(registrationId);
                // the invariant: told approved if and only if the database holds the approval
                assertThat(answer.decision() == 200)
                        .as("registration %s: answered %s/%s (%s), database %s", registrationId, answer.scan(),
                                answer.decision(), answer.body(), outcome)
                        .isEqualTo("APPROVED".equals(outcome));
            }
            // and with the pool no longer deadlocking, every one of them succeeds
            assertThat(results).allSatisfy(answer -> {
                assertThat(answer.scan()).isEqualTo(200);
                assertThat(answer.decision()).isEqualTo(200);
            });
        } finally {
            threads.shutdownNow();
        }
    }

    private HttpResponse<String> post(HttpClient http, String token, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Residents the registry lets an operator approve: a printed KTP-el, alive, not moved. */
    private List<String> approvableNiks(int count) {
        List<String> niks = new ArrayList<>();
        pool.preparedQuery("""
                select nik from registry_resident r
                where ktp_el_status = 'PRINTED' and life_status <> 'DECEASED' and domicile_status <> 'MOVED'
                  and not exists (select 1 from verification_case c where c.nik = r.nik)
                order by md5(nik || $1) limit $2""")
                .execute(Tuple.of(UUID.randomUUID().toString(), count)).await().indefinitely()
                .forEach(row -> niks.add(row.getString(0)));
        assertThat(niks).hasSize(count);
        return niks;
    }

    private long countCases(List<UUID> registrations) {
        return pool.preparedQuery("select count(*) from verification_case where registration_id = any($1)")
                .execute(Tuple.of(registrations.toArray(UUID[]::new))).await().indefinitely().iterator().next()
                .getLong(0);
    }

    private Map<UUID, String> recordedOutcomes(List<UUID> registrations) {
        Map<UUID, String> outcomes = new HashMap<>();
        for (Row row : pool.preparedQuery("""
                select c.registration_id, d.outcome from verification_case c left join decision d on d.case_id = c.id
                where c.registration_id = any($1)""")
                .execute(Tuple.of(registrations.toArray(UUID[]::new))).await().indefinitely()) {
            outcomes.put(row.getUUID(0), row.getString(1));
        }
        return outcomes;
    }
}
