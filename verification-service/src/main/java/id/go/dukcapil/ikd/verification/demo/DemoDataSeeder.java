package id.go.dukcapil.ikd.verification.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.service.PasswordHasher;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Local and demo data, when {@code ikd.verification.demo.enabled}: the synthetic population in
 * the registry table, the demo office and the demo accounts (OPERATIONS.md lists them).
 * Idempotent: runs at every start, inserts only what is missing ({@code on conflict do nothing}),
 * and skips the population when it is already complete. Rows go in 2,000 at a time through
 * {@code unnest} of arrays: one statement per batch instead of one per row.
 */
@ApplicationScoped
public class DemoDataSeeder {

    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class);
    private static final int BATCH = 2000;

    static final String DEMO_OFFICE = "3171-DEMO";

    /** username, full name, office, roles. */
    static final List<String[]> DEMO_ACCOUNTS = List.of(
            new String[] { "admin", "Administrator IKD", "DITJEN-DUKCAPIL", "admin" },
            new String[] { "pusat.verifikator", "Verifikator Pusat Ditjen Dukcapil", "DITJEN-DUKCAPIL", "supervisor" },
            new String[] { "demo.operator", "Operator Demo", DEMO_OFFICE, "operator" },
            new String[] { "demo.supervisor", "Supervisor Demo", DEMO_OFFICE, "operator,supervisor" },
            new String[] { "tapin.operator", "Operator Disdukcapil Tapin", "6305-DISDUKCAPIL", "operator" },
            new String[] { "bagor.operator", "Operator Kecamatan Bagor", "351814-KEC-BAGOR", "operator" },
            new String[] { "sukodadi.operator", "Operator Kecamatan Sukodadi", "352417-KEC-SUKODADI", "operator" },
            new String[] { "payakumbuh.operator", "Operator Disdukcapil Payakumbuh", "1376-DISDUKCAPIL", "operator" },
            new String[] { "probolinggo.operator", "Operator Disdukcapil Probolinggo", "3513-DISDUKCAPIL", "operator" });

    private final Pool pool;
    private final VerificationConfig config;
    private final PasswordHasher hasher;

    public DemoDataSeeder(Pool pool, VerificationConfig config, PasswordHasher hasher) {
        this.pool = pool;
        this.config = config;
        this.hasher = hasher;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.demo().enabled()) {
            return;
        }
        // Start-up thread: blocking here is allowed and keeps the service unready until the data is there.
        seedDemoOffice().await().indefinitely();
        seedAccounts();
        seedPopulation();
    }

    private Uni<Void> seedDemoOffice() {
        return pool.query("""
                insert into office (code, name, level, area_code, time_zone, address, phone, email, whatsapp, website,
                    approval_model, verification_minutes, validation_minutes, activation_minutes, completion_minutes,
                    standard_source)
                values ('3171-DEMO', 'Kantor Demo IKD (Jakarta Pusat)', 'REGENCY', '31.71', 'WIB',
                    'Jl. Medan Merdeka Barat No. 7, Gambir, Jakarta Pusat 10110', '021-0000000',
                    'demo@ikd.dukcapil.go.id', '0800-0000-000', 'https://ikd.dukcapil.go.id', 'LOCAL', 5, 5, 10, 50,
                    'Kantor demo: standar Tapin (5/5/10 menit, penyelesaian 50 menit)')
                on conflict (code) do nothing""").execute()
                // demo hours and channels, so that the directory shows a complete office; the seed SOPs publish no hours
                .chain(() -> pool.query("""
                        insert into office_hours (office_code, day_of_week, opens, closes)
                        values ('3171-DEMO', 1, '08:00', '15:00'), ('3171-DEMO', 2, '08:00', '15:00'),
                               ('3171-DEMO', 3, '08:00', '15:00'), ('3171-DEMO', 4, '08:00', '15:00'),
                               ('3171-DEMO', 5, '08:00', '11:00')
                        on conflict do nothing""").execute())
                // video-call hours (issue 18): the demo office's service hours, 15-minute slots
                .chain(() -> pool.query("""
                        insert into video_call_hours (office_code, day_of_week, opens, closes)
                        select '3171-DEMO', d, time '08:00', time '15:00' from generate_series(1, 5) as d
                        on conflict do nothing""").execute())
                .chain(() -> pool.query("""
                        insert into office_channel (office_code, position, kind, value, label)
                        values ('3171-DEMO', 1, 'IN_PERSON', 'Loket Kantor Demo IKD, Jl. Medan Merdeka Barat No. 7', null),
                               ('3171-DEMO', 2, 'PHONE', '021-0000000', null),
                               ('3171-DEMO', 3, 'WHATSAPP', '0800-0000-000', 'Petugas demo'),
                               ('3171-DEMO', 4, 'EMAIL', 'demo@ikd.dukcapil.go.id', null),
                               ('3171-DEMO', 5, 'LAPOR', 'https://www.lapor.go.id', null)
                        on conflict do nothing""").execute())
                .replaceWithVoid();
    }

    private void seedAccounts() {
        for (String[] account : DEMO_ACCOUNTS) {
            boolean exists = pool.preparedQuery("select 1 from operator_account where username = $1")
                    .execute(Tuple.of(account[0])).await().indefinitely().size() > 0;
            if (exists) {
                continue;
            }
            pool.preparedQuery("""
                    insert into operator_account (id, username, full_name, office_code, roles, password_hash)
                    values ($1, $2, $3, $4, $5, $6) on conflict (username) do nothing""")
                    .execute(Tuple.tuple(List.of(UUID.randomUUID(), account[0], account[1], account[2], account[3],
                            hasher.hashBlocking(config.demo().password()))))
                    .await().indefinitely();
        }
    }

    private void seedPopulation() {
        long started = System.nanoTime();
        AreaCatalog areas = AreaCatalog.load();
        long expected = config.demo().population() + SyntheticPopulation.demoResidents(areas).size();
        long present = pool.query("select count(*) from registry_resident").execute().await().indefinitely()
                .iterator().next().getLong(0);
        if (present >= expected) {
            LOG.infof("registry already holds %d residents; nothing to seed", present);
            return;
        }
        List<Resident> residents = SyntheticPopulation.generate(areas, config.demo().population(), config.demo().seed());
        long generated = System.nanoTime();
        int inserted = 0;
        for (int from = 0; from < residents.size(); from += BATCH) {
            inserted += insert(residents.subList(from, Math.min(residents.size(), from + BATCH)));
        }
        LOG.infof("seeded %d synthetic residents (of %d generated): generated in %d ms, inserted in %d ms", inserted,
                residents.size(), (generated - started) / 1_000_000, (System.nanoTime() - generated) / 1_000_000);
    }

    private int insert(List<Resident> batch) {
        int n = batch.size();
        String[][] text = new String[18][n];
        LocalDate[] births = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            Resident r = batch.get(i);
            String[] values = { r.nik(), r.fullName(), r.birthPlace(), r.sex(), r.address(), r.rtRw(), r.villageName(),
                    r.districtCode(), r.districtName(), r.regencyName(), r.provinceName(), r.religion(),
                    r.maritalStatus(), r.occupation(), r.nationality(), r.ktpElStatus(), r.lifeStatus(),
                    r.domicileStatus() };
            for (int c = 0; c < values.length; c++) {
                text[c][i] = values[c];
            }
            births[i] = r.birthDate();
        }
        String[] photos = batch.stream().map(Resident::photoSha256).toArray(String[]::new);
        List<Object> params = new ArrayList<>();
        for (String[] column : text) {
            params.add(column);
        }
        params.add(births);
        params.add(photos);
        return pool.preparedQuery("""
                insert into registry_resident (nik, full_name, birth_place, sex, address, rt_rw, village_name,
                    district_code, district_name, regency_name, province_name, religion, marital_status, occupation,
                    nationality, ktp_el_status, life_status, domicile_status, birth_date, photo_sha256)
                select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                    $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
                    $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::date[], $20::text[])
                on conflict (nik) do nothing""")
                .execute(Tuple.tuple(params)).await().indefinitely().rowCount();
    }
}
