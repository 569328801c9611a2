package id.go.dukcapil.ikd.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.service.RegistryComparison;
import id.go.dukcapil.ikd.verification.service.RegistryComparison.Flag;

/** The flags an operator sees beside the registry record (plain unit test, no Quarkus). */
class RegistryComparisonTest {

    private static Resident resident(String nik, LocalDate birth, String sex, String district, String ktp,
            String life, String domicile) {
        return new Resident(nik, "SITI RAHAYU", "NGANJUK", birth, sex, "JL. PRAMUKA NO. 7", "002/003", "PETAK", district,
                "BAGOR", "KABUPATEN NGANJUK", "JAWA TIMUR", "ISLAM", "KAWIN", "GURU", "WNI", ktp, life, domicile,
                "0".repeat(64));
    }

    @Test
    void aConsistentRecordRaisesNothing() {
        Resident siti = resident("3518145203900001", LocalDate.of(1990, 3, 12), "PEREMPUAN", "35.18.14",
                Resident.PRINTED, "ALIVE", "RESIDENT");
        assertThat(RegistryComparison.compare(siti.nik(), Optional.of(siti))).isEmpty();
    }

    @Test
    void anUnknownNikBlocksWithItsReason() {
        var flags = RegistryComparison.compare("3171011010999999", Optional.empty());
        assertThat(flags).extracting(Flag::code).containsExactly("NIK_NOT_IN_REGISTRY");
        assertThat(flags.get(0).suggestedReason()).isEqualTo(RejectionReason.NIK_NOT_FOUND);
        assertThat(RegistryComparison.blocksApproval(flags)).isTrue();
    }

    @Test
    void deceasedAndNotRecordedBlockWhileMovedOnlyWarns() {
        Resident record = resident("3518145203900001", LocalDate.of(1990, 3, 12), "PEREMPUAN", "35.18.14",
                Resident.NOT_RECORDED, "DECEASED", "RESIDENT");
        assertThat(RegistryComparison.compare(record.nik(), Optional.of(record))).extracting(Flag::code)
                .containsExactlyInAnyOrder("DECEASED", "NOT_RECORDED");

        Resident moved = resident("3518145203900001", LocalDate.of(1990, 3, 12), "PEREMPUAN", "32.73.02",
                Resident.PRINTED, "ALIVE", "MOVED");
        var flags = RegistryComparison.compare(moved.nik(), Optional.of(moved));
        assertThat(flags).extracting(Flag::code).containsExactly("MOVED");
        assertThat(RegistryComparison.blocksApproval(flags)).isFalse();
    }

    @Test
    void aNikThatDisagreesWithTheRecordIsFlagged() {
        // the NIK says a man born 12-03-1990 in 35.18.14; the record says otherwise
        Resident record = resident("3518141203900001", LocalDate.of(1991, 3, 12), "PEREMPUAN", "35.18.01",
                Resident.RECORDED_NOT_PRINTED, "ALIVE", "RESIDENT");
        assertThat(RegistryComparison.compare(record.nik(), Optional.of(record))).extracting(Flag::code)
                .containsExactlyInAnyOrder("BIRTH_DATE_NOT_IN_NIK", "SEX_NOT_IN_NIK", "AREA_NOT_IN_NIK",
                        "RECORDED_NOT_PRINTED");
    }
}
