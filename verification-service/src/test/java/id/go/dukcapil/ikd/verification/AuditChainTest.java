package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.verification.service.AuditLog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class AuditChainTest {

    @Inject
    Pool pool;
    @Inject
    AuditLog auditLog;

    @Test
    void theChainVerifiesAndAnEditedRowBreaksIt() {
        String admin = TestSupport.login("admin");
        given().contentType(ContentType.JSON).body(Map.of("username", "demo.operator", "password", "wrong-password"))
                .post("/api/v1/operator/sessions").then().statusCode(401);
        TestSupport.login("demo.operator");

        given().auth().oauth2(admin).get("/api/v1/admin/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("entriesVerified", greaterThan(2));

        // an insider edits a failed login into someone else's name
        var row = pool.query("select seq, actor from audit_entry where kind = 'LOGIN_FAILED' order by seq desc limit 1")
                .execute().await().indefinitely().iterator().next();
        long seq = row.getLong("seq");
        String actor = row.getString("actor");
        pool.preparedQuery("update audit_entry set actor = $1 where seq = $2").execute(Tuple.of("someone.else", seq))
                .await().indefinitely();
        try {
            given().auth().oauth2(admin).get("/api/v1/admin/audit/verification").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("brokenAtSeq", equalTo((int) seq))
                    .body("reason", equalTo("CONTENT_CHANGED"));
        } finally {
            pool.preparedQuery("update audit_entry set actor = $1 where seq = $2").execute(Tuple.of(actor, seq))
                    .await().indefinitely();
        }
        given().auth().oauth2(admin).get("/api/v1/admin/audit/verification").then().body("intact", equalTo(true));
    }

    @Test
    void appendersInOneTransactionAndSideBySideKeepOneUnbrokenLine() throws Throwable {
        String admin = TestSupport.login("admin");
        long before = lastSeq();
        // two entries in one transaction: the second reads the head the first moved
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> auditLog
                .append("TEST_ENTRY", "test", null, "one", Map.of("n", 1))
                .chain(() -> auditLog.append("TEST_ENTRY", "test", null, "two", Map.of("n", 2)))));
        // eight transactions at once, serialised on the head
        List<CompletableFuture<Void>> appenders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            appenders.add(CompletableFuture.runAsync(() -> {
                try {
                    VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> auditLog
                            .append("TEST_ENTRY", "test", null, "side-by-side", Map.of("n", n))));
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        CompletableFuture.allOf(appenders.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(lastSeq()).isEqualTo(before + 10);
        given().auth().oauth2(admin).get("/api/v1/admin/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void detailsAreWrittenInTheFormTheChainWasHashedIn() throws Throwable {
        // keys sorted, nulls kept, compact, text unescaped beyond JSON's needs: the form every entry so far holds
        Map<String, Object> details = new HashMap<>();
        details.put("reasonCode", null);
        details.put("cases", List.of("a", "b"));
        details.put("ktpElChecked", true);
        details.put("returnCount", 2);
        details.put("name", "Hari \"Raya\" – é");
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> auditLog
                .append("TEST_ENTRY", "test", null, "canonical-form", details)));
        String stored = pool.query("select details from audit_entry where subject = 'canonical-form'").execute()
                .await().indefinitely().iterator().next().getString(0);
        assertThat(stored).isEqualTo("{\"cases\":[\"a\",\"b\"],\"ktpElChecked\":true,"
                + "\"name\":\"Hari \\\"Raya\\\" – é\",\"reasonCode\":null,\"returnCount\":2}");
    }

    private long lastSeq() {
        return pool.query("select last_seq from audit_head where id = 1").execute().await().indefinitely().iterator()
                .next().getLong(0);
    }

    @Test
    void aDeletedRowBreaksTheChain() {
        String admin = TestSupport.login("admin");
        TestSupport.login("demo.operator");
        var row = pool.query("select * from audit_entry order by seq desc offset 1 limit 1").execute().await()
                .indefinitely().iterator().next();
        long seq = row.getLong("seq");
        pool.preparedQuery("delete from audit_entry where seq = $1").execute(Tuple.of(seq)).await().indefinitely();
        try {
            given().auth().oauth2(admin).get("/api/v1/admin/audit/verification").then().statusCode(200)
                    .body("intact", equalTo(false)).body("brokenAtSeq", equalTo((int) seq))
                    .body("reason", equalTo("MISSING_ENTRY"));
        } finally {
            pool.preparedQuery("""
                    insert into audit_entry (seq, occurred_at, kind, actor, office_code, subject, details, prev_hash, hash)
                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                    .execute(Tuple.tuple().addLong(seq).addOffsetDateTime(row.getOffsetDateTime("occurred_at"))
                            .addString(row.getString("kind")).addString(row.getString("actor"))
                            .addString(row.getString("office_code")).addString(row.getString("subject"))
                            .addString(row.getString("details")).addString(row.getString("prev_hash"))
                            .addString(row.getString("hash")))
                    .await().indefinitely();
        }
        given().auth().oauth2(admin).get("/api/v1/admin/audit/verification").then().body("intact", equalTo(true));
    }
}
