package id.go.dukcapil.ikd.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.verification.demo.AreaCatalog;
import id.go.dukcapil.ikd.verification.demo.SyntheticPopulation;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.repository.PopulationRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import id.go.dukcapil.ikd.web.Digests;

@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class PopulationRegistryTest {

    @Inject
    Pool pool;

    @Inject
    PopulationRegistry registry;

    private long count(String where) {
        return pool.query("select count(*) from registry_resident where " + where).execute().await().indefinitely()
                .iterator().next().getLong(0);
    }

    @Test
    void theSeededPopulationIsLargeAndVaried() {
        assertThat(count("true")).isGreaterThanOrEqualTo(10_000);
        assertThat(count("ktp_el_status = 'PRINTED'")).isGreaterThan(7_000);
        assertThat(count("ktp_el_status = 'RECORDED_NOT_PRINTED'")).isGreaterThan(100);
        assertThat(count("ktp_el_status = 'NOT_RECORDED'")).isGreaterThan(100);
        assertThat(count("life_status = 'DECEASED'")).isGreaterThan(10);
        assertThat(count("domicile_status = 'MOVED'")).isGreaterThan(10);
        assertThat(count("district_code like '63.05.%'")).isGreaterThan(100);
    }

    @Test
    void everyNikAgreesWithItsResident() {
        // birth date DDMMYY with +40 on the day for women, area code of the first registration
        assertThat(count("""
                substr(nik, 7, 6) <> to_char(birth_date, 'DDMMYY')
                  and sex = 'LAKI-LAKI'""")).isZero();
        assertThat(count("""
                substr(nik, 7, 6) <> lpad((extract(day from birth_date)::int + 40)::text, 2, '0') || to_char(birth_date, 'MMYY')
                  and sex = 'PEREMPUAN'""")).isZero();
        assertThat(count("domicile_status = 'RESIDENT' and substr(nik, 1, 6) <> replace(district_code, '.', '')")).isZero();
        assertThat(count("substr(nik, 13, 4) = '0000' or nik !~ '^[0-9]{16}$'")).isZero();
    }

    @Test
    void theDemoResidentsAreThereAsDocumented() {
        Resident bagus = registry.find("3171011212000001").await().indefinitely().orElseThrow();
        assertThat(bagus.fullName()).isEqualTo("BAGUS WICAKSONO");
        assertThat(bagus.birthDate()).isEqualTo(LocalDate.of(2000, 12, 12));
        assertThat(bagus.ktpElStatus()).isEqualTo(Resident.PRINTED);
        assertThat(registry.find("3171010303450001").await().indefinitely().orElseThrow().deceased()).isTrue();
        assertThat(registry.find("3171016507800001").await().indefinitely().orElseThrow().moved()).isTrue();
        assertThat(registry.find("3171014402030001").await().indefinitely().orElseThrow().ktpElStatus())
                .isEqualTo(Resident.NOT_RECORDED);
        assertThat(registry.find("3524176106950001").await().indefinitely().orElseThrow().ktpElStatus())
                .isEqualTo(Resident.RECORDED_NOT_PRINTED);
        assertThat(registry.find("3171011010999999").await().indefinitely()).isEmpty();
    }

    @Test
    void thePhotoIsTheImageWhoseDigestTheRegistryHolds() {
        Resident siti = registry.find("3518145203900001").await().indefinitely().orElseThrow();
        var photo = registry.photo(siti.nik()).await().indefinitely().orElseThrow();
        assertThat(photo.contentType()).isEqualTo("image/svg+xml");
        assertThat(Digests.sha256Hex(photo.content())).isEqualTo(siti.photoSha256());
    }

    @Test
    void theGeneratorIsDeterministic() {
        AreaCatalog areas = AreaCatalog.load();
        List<Resident> first = SyntheticPopulation.generate(areas, 500, 7);
        List<Resident> second = SyntheticPopulation.generate(areas, 500, 7);
        assertThat(first).isEqualTo(second);
        assertThat(first).extracting(Resident::nik).doesNotHaveDuplicates();
    }
}
