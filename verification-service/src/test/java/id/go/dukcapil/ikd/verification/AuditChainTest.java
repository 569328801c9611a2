package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class AuditChainTest {

    @Inject
    Pool pool;

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
