package id.go.dukcapil.ikd.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.go.dukcapil.ikd.testing.FreePorts;
import id.go.dukcapil.ikd.testing.Postgres;

/**
 * V5 turns the approvals and identities stored with their attributes and office as event JSON into
 * columns: a row written by the service before it reads back field by field, an erased row
 * ({@code '{}'}) has empty columns, and an office recorded before offices named their zone has none;
 * V6 keeps the attributes once, in the approval the identity was made from; V8 drops the four that
 * nothing uses (religion, marital status, occupation, nationality).
 */
class AttributesAsColumnsMigrationTest {

    private static final String ATTRIBUTES = """
            {"nik":"3171011212000001","fullName":"BAGUS WICAKSONO","birthPlace":"JAKARTA","birthDate":"2000-12-12",\
            "sex":"LAKI-LAKI","address":"JL. MERDEKA NO. 1","rtRw":"003/007","villageName":"GAMBIR",\
            "districtCode":"31.71.01","districtName":"GAMBIR","regencyName":"KOTA ADM. JAKARTA PUSAT",\
            "provinceName":"DKI JAKARTA","religion":"ISLAM","maritalStatus":"BELUM KAWIN","occupation":"PELAJAR/MAHASISWA",\
            "nationality":"WNI","ktpElStatus":"PRINTED","photoSha256":"ab12"}""";

    @TempDir
    Path temp;

    @Test
    void rowsStoredAsEventJsonReadBackAsColumns() throws Exception {
        int port = FreePorts.next();
        try (Postgres postgres = Postgres.start(temp.resolve("pg"), port, true, Postgres.Durability.FAST_UNSAFE)) {
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            flyway(url).target("4").load().migrate();
            try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
                    Statement sql = db.createStatement()) {
                sql.execute("""
                        insert into approval (registration_id, case_id, nik, attributes_json, device_key_jwk, email, phone,
                            language, office_json, approved_at) values
                        ('00000000-0000-0000-0000-000000000001', gen_random_uuid(), '3171011212000001', '%s', '{}',
                            'bagus@example.id', '+6281200000001', 'id',
                            '{"officeCode":"6305-TAPIN","name":"Disdukcapil Tapin","phone":"0517-31000","timeZone":"WITA"}',
                            now()),
                        ('00000000-0000-0000-0000-000000000002', gen_random_uuid(), '', '{}', '', '', '', 'id',
                            '{"officeCode":"3171-DEMO","name":"Disdukcapil Demo"}', now())""".formatted(ATTRIBUTES));
                sql.execute("""
                        insert into identity (id, registration_id, nik, subject, attributes_json, device_key_jwk,
                            device_key_thumbprint, status, activated_at) values
                        (gen_random_uuid(), '00000000-0000-0000-0000-000000000001', '3171011212000001', 's1', '%s',
                            '{}', 'tp', 'ACTIVE', now()),
                        (gen_random_uuid(), '00000000-0000-0000-0000-000000000002', '', 's2', '{}', '', '',
                            'REVOKED', now())""".formatted(ATTRIBUTES));

                flyway(url).target("7").load().migrate();

                try (ResultSet row = sql.executeQuery("""
                        select full_name, birth_date, rt_rw, religion, marital_status, photo_sha256, office_code,
                            office_name, office_phone, office_time_zone
                        from approval where registration_id = '00000000-0000-0000-0000-000000000001'""")) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("full_name")).isEqualTo("BAGUS WICAKSONO");
                    assertThat(row.getObject("birth_date", LocalDate.class)).isEqualTo(LocalDate.of(2000, 12, 12));
                    assertThat(row.getString("rt_rw")).isEqualTo("003/007");
                    assertThat(row.getString("religion")).isEqualTo("ISLAM");
                    assertThat(row.getString("marital_status")).isEqualTo("BELUM KAWIN");
                    assertThat(row.getString("photo_sha256")).isEqualTo("ab12");
                    assertThat(row.getString("office_code")).isEqualTo("6305-TAPIN");
                    assertThat(row.getString("office_name")).isEqualTo("Disdukcapil Tapin");
                    assertThat(row.getString("office_phone")).isEqualTo("0517-31000");
                    assertThat(row.getString("office_time_zone")).isEqualTo("WITA");
                }
                flyway(url).load().migrate();
                try (ResultSet columns = sql.executeQuery("""
                        select count(*) from information_schema.columns where table_name = 'approval'
                        and column_name in ('religion', 'marital_status', 'occupation', 'nationality')""")) {
                    columns.next();
                    assertThat(columns.getInt(1)).as("V8: the four attributes no one uses are gone").isZero();
                }
                try (ResultSet row = sql.executeQuery("""
                        select full_name from approval where registration_id = '00000000-0000-0000-0000-000000000001'""")) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("full_name")).as("the others stay").isEqualTo("BAGUS WICAKSONO");
                }
                try (ResultSet row = sql.executeQuery("""
                        select full_name, birth_date, office_code, office_time_zone
                        from approval where registration_id = '00000000-0000-0000-0000-000000000002'""")) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString("full_name")).as("erased before: stays empty").isNull();
                    assertThat(row.getObject("birth_date", LocalDate.class)).isNull();
                    assertThat(row.getString("office_code")).isEqualTo("3171-DEMO");
                    assertThat(row.getString("office_time_zone")).as("recorded before offices named a zone").isNull();
                }
                try (ResultSet row = sql.executeQuery("""
                        select a.district_code, a.ktp_el_status from identity i
                        join approval a on a.registration_id = i.registration_id where i.subject = 's1'""")) {
                    assertThat(row.next()).as("an identity reads its attributes from its approval").isTrue();
                    assertThat(row.getString("district_code")).isEqualTo("31.71.01");
                    assertThat(row.getString("ktp_el_status")).isEqualTo("PRINTED");
                }
                try (ResultSet columns = sql.executeQuery("""
                        select count(*) from information_schema.columns
                        where table_name = 'identity' and column_name in ('full_name', 'birth_date', 'religion')""")) {
                    columns.next();
                    assertThat(columns.getInt(1)).as("V6: kept once, in the approval").isZero();
                }
                try (ResultSet columns = sql.executeQuery("""
                        select count(*) from information_schema.columns
                        where table_name in ('approval', 'identity') and column_name in ('attributes_json', 'office_json')""")) {
                    columns.next();
                    assertThat(columns.getInt(1)).as("the JSON text columns are gone").isZero();
                }
            }
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
        return Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration");
    }
}
