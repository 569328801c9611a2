package id.go.dukcapil.ikd.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.messaging.RetentionJob;
import id.go.dukcapil.ikd.verification.service.VerificationRetention;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The retention job with a moved clock: closed cases are pseudonymised, the service log unlinked. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class RetentionTest {

    @Inject
    Pool pool;
    @Inject
    RetentionJob job;
    @Inject
    MeterRegistry registry;

    @Test
    void closedCasesArePseudonymisedAndTheServiceLogUnlinkedOpenCasesStay() {
        Instant now = Instant.now();
        String office = pool.query("select code from office order by code limit 1").execute()
                .await().indefinitely().iterator().next().getString(0);
        UUID operator = UUID.randomUUID();
        pool.preparedQuery("""
                insert into operator_account (id, username, full_name, office_code, roles, password_hash)
                values ($1, $2, 'Petugas Retensi', $3, 'OPERATOR', 'x')""")
                .execute(Tuple.of(operator, "retensi-" + operator, office)).await().indefinitely();
        UUID closed = verificationCase("REJECTED", office, now);
        decision(closed, operator, office, now);
        UUID open = verificationCase("QUEUED", office, now);
        logEntry(closed, office, now);
        double before = purged("verification_case");

        job.purgeAsOf(now.plus(Duration.ofDays(300))).await().indefinitely();
        assertThat(caseRow(closed).getString("email")).as("300 days after closing: kept").isEqualTo("warga@example.id");
        assertThat(logRow(closed)).as("the office still needs the link after 300 days").isEqualTo(1);

        job.purgeAsOf(now.plus(Duration.ofDays(800))).await().indefinitely();
        Row stub = caseRow(closed);
        assertThat(stub.getString("nik")).as("800 days after closing: pseudonymised").isEqualTo(VerificationRetention.NO_NIK);
        assertThat(stub.getString("email")).isEmpty();
        assertThat(stub.getString("phone")).isEmpty();
        assertThat(stub.getString("status")).isEqualTo("REJECTED");
        Row decision = pool.preparedQuery("select outcome, reason_code, reason_note from decision where case_id = $1")
                .execute(Tuple.of(closed)).await().indefinitely().iterator().next();
        assertThat(decision.getString("reason_note")).as("the operator's free text goes").isNull();
        assertThat(decision.getString("reason_code")).as("the outcome and reason stay").isEqualTo("FACE_MISMATCH");
        assertThat(logRow(closed)).as("the service-log row lost its link to the case").isZero();
        assertThat(pool.preparedQuery("select count(*) from service_log_entry where note is null and registration_id"
                + " = '00000000-0000-0000-0000-000000000000' and action = 'RETENTION_TEST'").execute()
                .await().indefinitely().iterator().next().getLong(0)).as("but the row is kept").isGreaterThanOrEqualTo(1);
        assertThat(caseRow(open).getString("email")).as("an open case is never touched").isEqualTo("warga@example.id");
        assertThat(purged("verification_case") - before).isGreaterThanOrEqualTo(1);
    }

    @Test
    void closedComplaintsLoseTheCitizensWordsAndContactAndDeliveriesGo() {
        Instant now = Instant.now();
        UUID complaint = UUID.randomUUID();
        OffsetDateTime filed = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        pool.preparedQuery("""
                insert into complaint (id, ticket, office_code, category, body, registration_reference, email, phone,
                    status, answer, filed_at, due_at, updated_at, closed_at)
                values ($1, $2, '3171-DEMO', 'SERVICE', 'Petugas tidak ramah, nama saya Budi', 'reg-1', 'budi@example.id',
                    '+6281200000000', 'CLOSED', 'Sudah ditegur', $3, $3, $3, $3)""")
                .execute(Tuple.of(complaint, "ADU-RET-" + complaint.toString().substring(0, 8), filed))
                .await().indefinitely();
        pool.preparedQuery("insert into complaint_note (complaint_id, author, note, at) values ($1, 'demo.supervisor', "
                + "'Menelepon Bapak Budi', $2)").execute(Tuple.of(complaint, filed)).await().indefinitely();
        UUID delivery = UUID.randomUUID();
        pool.preparedQuery("""
                insert into message_delivery (notification_id, registration_id, kind, channel, status, attempt,
                    recipient_masked, first_at, last_at)
                values ($1, $2, 'ACTIVATION_CODE', 'EMAIL', 'SENT', 1, 'b***@example.id', $3, $3)""")
                .execute(Tuple.of(delivery, UUID.randomUUID(), filed)).await().indefinitely();

        job.purgeAsOf(now.plus(Duration.ofDays(300))).await().indefinitely();
        assertThat(complaintRow(complaint).getString("body")).as("300 days after closing: kept").isNotEmpty();

        job.purgeAsOf(now.plus(Duration.ofDays(800))).await().indefinitely();
        Row row = complaintRow(complaint);
        assertThat(row.getString("body")).isEmpty();
        assertThat(row.getString("email")).isEmpty();
        assertThat(row.getString("phone")).isNull();
        assertThat(row.getString("registration_reference")).isNull();
        assertThat(row.getString("answer")).isEmpty();
        assertThat(row.getString("status")).as("the recap still counts it").isEqualTo("CLOSED");
        assertThat(pool.preparedQuery("select count(*) from complaint_note where complaint_id = $1 and note is not null")
                .execute(Tuple.of(complaint)).await().indefinitely().iterator().next().getLong(0)).isZero();
        assertThat(pool.preparedQuery("select count(*) from message_delivery where notification_id = $1")
                .execute(Tuple.of(delivery)).await().indefinitely().iterator().next().getLong(0)).isZero();
    }

    @Test
    void aComplaintLeftOpenIsClosedAndEmptiedAfterItsPeriod() {
        Instant now = Instant.now();
        UUID complaint = UUID.randomUUID();
        OffsetDateTime filed = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        pool.preparedQuery("""
                insert into complaint (id, ticket, office_code, category, body, registration_reference, email, phone,
                    status, filed_at, due_at, updated_at)
                values ($1, $2, '3171-DEMO', 'STAFF', 'Petugas meminta uang, nama saya Siti', 'reg-2', 'siti@example.id',
                    '+6281200000001', 'MEDIATING', $3, $3, $3)""")
                .execute(Tuple.of(complaint, "ADU-OPEN-" + complaint.toString().substring(0, 8), filed))
                .await().indefinitely();
        pool.preparedQuery("insert into complaint_note (complaint_id, author, note, at) values ($1, 'demo.supervisor', "
                + "'Ibu Siti dihubungi', $2)").execute(Tuple.of(complaint, filed)).await().indefinitely();
        double before = purged("complaint");

        job.purgeAsOf(now.plus(Duration.ofDays(170))).await().indefinitely();
        assertThat(complaintRow(complaint).getString("status")).as("170 days open: still being handled")
                .isEqualTo("MEDIATING");
        assertThat(complaintRow(complaint).getString("email")).isEqualTo("siti@example.id");

        job.purgeAsOf(now.plus(Duration.ofDays(190))).await().indefinitely();
        Row row = complaintRow(complaint);
        assertThat(row.getString("status")).as("closed by its period").isEqualTo("CLOSED");
        assertThat(row.getString("answer")).startsWith("Ditutup otomatis: aduan tidak diselesaikan dalam 180 hari")
                .contains("Closed automatically");
        assertThat(row.getValue("closed_at")).isNotNull();
        assertThat(row.getString("body")).isEmpty();
        assertThat(row.getString("email")).isEmpty();
        assertThat(row.getString("phone")).isNull();
        assertThat(row.getString("registration_reference")).isNull();
        assertThat(pool.preparedQuery("select count(*) from complaint_note where complaint_id = $1 and note is not null")
                .execute(Tuple.of(complaint)).await().indefinitely().iterator().next().getLong(0)).isZero();
        assertThat(pool.preparedQuery("select count(*) from complaint_note where complaint_id = $1 and author = 'sistem' "
                + "and status = 'CLOSED'").execute(Tuple.of(complaint)).await().indefinitely().iterator().next().getLong(0))
                .as("its history says who closed it").isEqualTo(1);
        assertThat(purged("complaint") - before).isGreaterThanOrEqualTo(1);

        job.purgeAsOf(now.plus(Duration.ofDays(191))).await().indefinitely();
        assertThat(pool.preparedQuery("select count(*) from complaint_note where complaint_id = $1 and author = 'sistem'")
                .execute(Tuple.of(complaint)).await().indefinitely().iterator().next().getLong(0))
                .as("a repeated run changes nothing").isEqualTo(1);
    }

    @Test
    void aVideoCallRowGoesWhenItsCaseIsPseudonymised() {
        Instant now = Instant.now();
        String office = pool.query("select code from office order by code limit 1").execute()
                .await().indefinitely().iterator().next().getString(0);
        UUID closed = verificationCase("APPROVED", office, now);
        UUID open = verificationCase("QUEUED", office, now);
        UUID closedCall = videoCall(closed, office, now);
        UUID openCall = videoCall(open, office, now);
        double before = purged("video_call");

        job.purgeAsOf(now.plus(Duration.ofDays(300))).await().indefinitely();
        assertThat(callRows(closedCall)).as("the case is not pseudonymised yet").isEqualTo(1);

        job.purgeAsOf(now.plus(Duration.ofDays(800))).await().indefinitely();
        assertThat(caseRow(closed).getString("nik")).isEqualTo(VerificationRetention.NO_NIK);
        assertThat(callRows(closedCall)).as("with its case pseudonymised the call row goes").isZero();
        assertThat(pool.preparedQuery("select count(*) from video_call_signal where call_id = $1")
                .execute(Tuple.of(closedCall)).await().indefinitely().iterator().next().getLong(0)).isZero();
        assertThat(callRows(openCall)).as("an open case's call stays").isEqualTo(1);
        assertThat(purged("video_call") - before).isGreaterThanOrEqualTo(1);
    }

    private UUID videoCall(UUID caseId, String office, Instant at) {
        UUID id = UUID.randomUUID();
        OffsetDateTime time = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        pool.preparedQuery("""
                insert into video_call (id, registration_id, case_id, office_code, status, citizen_token_hash,
                    requested_at, citizen_seen_at, answered_at, consent_at, ended_at, end_reason)
                values ($1, $2, $2, $3, 'ENDED', '\\x00', $4, $4, $4, $4, $4, 'COMPLETED')""")
                .execute(Tuple.of(id, caseId, office, time)).await().indefinitely();
        pool.preparedQuery("insert into video_call_signal (call_id, sender, kind, body) values ($1, 'CITIZEN', 'candidate', "
                + "'{\"candidate\":\"192.0.2.7\"}')").execute(Tuple.of(id)).await().indefinitely();
        return id;
    }

    private long callRows(UUID callId) {
        return pool.preparedQuery("select count(*) from video_call where id = $1").execute(Tuple.of(callId))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private Row complaintRow(UUID id) {
        return pool.preparedQuery("select * from complaint where id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next();
    }

    private double purged(String table) {
        return registry.get("ikd.retention.purged").tag("table", table).counter().count();
    }

    private UUID verificationCase(String status, String office, Instant at) {
        UUID id = UUID.randomUUID();
        OffsetDateTime time = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        String nik = "35" + String.format("%014d", Math.floorMod(id.getMostSignificantBits(), 100_000_000_000_000L));
        pool.preparedQuery("""
                insert into verification_case (id, registration_id, nik, email, phone, language, device_key_jwk,
                    device_key_thumbprint, selfie_sha256, submitted_at, office_code, default_office_code, status,
                    opened_at, decided_at, closed_at)
                values ($1, $1, $2, 'warga@example.id', '+6281200000000', 'id', '{}', 'tp', 'sha', $3, $4, $4, $5,
                    $3, case when $5 = 'QUEUED' then null else $3 end, case when $5 = 'QUEUED' then null else $3 end)""")
                .execute(Tuple.tuple().addValue(id).addValue(nik).addValue(time).addValue(office).addValue(status))
                .await().indefinitely();
        return id;
    }

    private void decision(UUID caseId, UUID operator, String office, Instant at) {
        pool.preparedQuery("""
                insert into decision (id, case_id, outcome, reason_code, reason_note, channel, ktp_el_checked,
                    operator_id, office_code, decided_at, state)
                values ($1, $2, 'REJECTED', 'FACE_MISMATCH', 'Wajah berbeda, Bapak Budi', 'COUNTER', true, $3, $4, $5,
                    'FINAL')""")
                .execute(Tuple.of(UUID.randomUUID(), caseId, operator, office, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
                .await().indefinitely();
    }

    private void logEntry(UUID caseId, String office, Instant at) {
        pool.preparedQuery("""
                insert into service_log_entry (occurred_at, office_code, case_id, registration_id, action, note)
                values ($1, $2, $3, $3, 'RETENTION_TEST', 'Bapak Budi')""")
                .execute(Tuple.of(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), office, caseId)).await().indefinitely();
    }

    private Row caseRow(UUID id) {
        return pool.preparedQuery("select * from verification_case where id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next();
    }

    private long logRow(UUID caseId) {
        return pool.preparedQuery("select count(*) from service_log_entry where case_id = $1").execute(Tuple.of(caseId))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
