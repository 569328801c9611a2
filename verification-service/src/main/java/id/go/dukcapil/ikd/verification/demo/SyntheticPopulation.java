package id.go.dukcapil.ikd.verification.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import id.go.dukcapil.ikd.verification.demo.AreaCatalog.District;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.web.Digests;

/**
 * A deterministic synthetic population for the local registry: the same seed always yields the
 * same residents. Each NIK agrees with its resident: district code (digits 1-6), birth date
 * DDMMYY with 40 added to the day for women (7-12), a serial 0001-8999 (13-16; serials from 9000
 * are never generated, so e.g. {@code 3171011010999999} is guaranteed unknown to the registry).
 * Six in ten residents live in the regencies of the SOP offices and the demo office, the rest
 * anywhere in Indonesia. KTP-el: about 85% printed, 8% recorded not printed, 7% not recorded;
 * 2% deceased, 3% moved away (their address is the new domicile).
 */
public final class SyntheticPopulation {

    /** Regencies of the offices seeded by the migrations and the demo office. */
    static final List<String> OFFICE_REGENCIES = List.of("63.05", "35.18", "35.24", "13.76", "35.13", "31.71");

    private static final String[] MALE = { "AHMAD", "MUHAMMAD", "BUDI", "AGUS", "BAMBANG", "EKO", "HENDRA", "JOKO",
            "SLAMET", "RUDI", "ANDI", "DEDI", "YUSUF", "RIZKY", "FAJAR", "IRFAN", "SUGENG", "WAHYU", "HARIS", "IMAM",
            "ARIF", "DIMAS", "BAGUS", "TAUFIK", "HADI", "SUPRIYADI", "NUR", "ILHAM", "KURNIAWAN", "GALIH", "YOGA",
            "ADITYA", "RAHMAT", "SYAIFUL", "ZAINAL", "ABDUL", "FIRMAN", "HERU", "PUTU", "KADEK", "MADE", "ROBERTUS",
            "YOHANES", "MARKUS", "DANIEL", "SAMUEL", "MUHAMAD", "ARDI", "RAHMAN", "SUTRISNO" };
    private static final String[] FEMALE = { "SITI", "SRI", "DEWI", "NUR", "RATNA", "YULI", "ENDANG", "LESTARI",
            "WULAN", "PUTRI", "AYU", "INDAH", "RINA", "FITRI", "NOVITA", "DIAN", "RAHMAWATI", "ANISA", "NURUL", "MAYA",
            "KARTIKA", "SUSI", "TITIK", "WATI", "EKA", "MEGA", "LIA", "INTAN", "HANI", "YANTI", "ROSALINA", "AMINAH",
            "FATIMAH", "KHADIJAH", "NI LUH", "KOMANG", "MARIA", "ELISABETH", "VERONIKA", "RETNO", "SETYANINGSIH",
            "PURWANTI", "HASANAH", "HIDAYAH", "SALSABILA", "NADIA", "AULIA", "ZAHRA", "ANGGRAINI", "PERMATASARI" };
    private static final String[] FAMILY = { "SANTOSO", "WIBOWO", "SAPUTRA", "HIDAYAT", "NUGROHO", "PRATAMA",
            "SETIAWAN", "KURNIAWAN", "SUSANTO", "GUNAWAN", "HARAHAP", "SIREGAR", "NASUTION", "LUBIS", "SIMANJUNTAK",
            "TANJUNG", "PANGESTU", "WIJAYA", "HALIM", "RAMADHAN", "FIRMANSYAH", "MAULANA", "SYAHPUTRA", "HASIBUAN",
            "PURNOMO", "SUHARTO", "SETIADI", "HERMAWAN", "MARPAUNG", "SITUMORANG", "RAHAYU", "WAHYUNI", "LESTARI",
            "PERTIWI", "KUSUMA", "ANWAR", "ISKANDAR", "SALIM", "BAHARUDDIN", "ARIFIN" };
    private static final String[] STREETS = { "JL. MERDEKA", "JL. DIPONEGORO", "JL. JENDERAL SUDIRMAN",
            "JL. AHMAD YANI", "JL. GAJAH MADA", "JL. HAYAM WURUK", "JL. PAHLAWAN", "JL. MELATI", "JL. KENANGA",
            "JL. MAWAR", "JL. KARTINI", "JL. IMAM BONJOL", "JL. PEMUDA", "JL. RAYA", "JL. MASJID", "JL. SEKOLAH",
            "JL. PASAR", "JL. KH. HASYIM ASYARI", "JL. CUT NYAK DIEN", "JL. PATTIMURA", "DUSUN KRAJAN",
            "DUSUN SUMBERSARI", "GG. MUSHOLLA", "JL. TERUSAN" };
    private static final String[] VILLAGES = { "SUKAMAJU", "SUMBERREJO", "KARANGANYAR", "MEKARSARI", "TANJUNGSARI",
            "WONOREJO", "SIDOMULYO", "MARGAMULYA", "SUKAJADI", "JATIMULYO", "KEDUNGREJO", "SUKOREJO", "PURWOREJO",
            "SRIWIJAYA", "BANJARSARI", "TEGALREJO", "KALIMANTAN", "SUNGAI RANGAS", "PADANG SARI", "CEMPAKA",
            "MULYOREJO", "SUMBERSARI", "KEBONAGUNG", "RANTAU BARU" };
    private static final String[] OCCUPATIONS = { "PELAJAR/MAHASISWA", "WIRASWASTA", "KARYAWAN SWASTA",
            "PETANI/PEKEBUN", "MENGURUS RUMAH TANGGA", "PEGAWAI NEGERI SIPIL", "GURU", "PEDAGANG",
            "NELAYAN/PERIKANAN", "BURUH HARIAN LEPAS", "BELUM/TIDAK BEKERJA", "PERAWAT", "SOPIR" };

    private static final DateTimeFormatter DDMMYY = DateTimeFormatter.ofPattern("ddMMyy");
    private static final LocalDate REFERENCE_DAY = LocalDate.of(2026, 1, 1);

    private SyntheticPopulation() {
    }

    /** The documented demo residents (OPERATIONS.md), with fixed NIKs. */
    public static List<Resident> demoResidents(AreaCatalog areas) {
        return List.of(
                resident(areas, "63.05.04", "AHMAD FAUZI", LocalDate.of(1985, 8, 17), false, 1, "JL. DATU NURAYA NO. 12",
                        "001/001", "RANTAU BARU", Resident.PRINTED, false, null, "KAWIN", "WIRASWASTA", "ISLAM"),
                resident(areas, "35.18.14", "SITI RAHAYU", LocalDate.of(1990, 3, 12), true, 1, "JL. PRAMUKA NO. 7",
                        "002/003", "PETAK", Resident.PRINTED, false, null, "KAWIN", "GURU", "ISLAM"),
                resident(areas, "35.24.17", "DEWI LESTARI", LocalDate.of(1995, 6, 21), true, 1, "DUSUN KRAJAN",
                        "004/002", "SUKODADI", Resident.RECORDED_NOT_PRINTED, false, null, "BELUM KAWIN",
                        "KARYAWAN SWASTA", "ISLAM"),
                resident(areas, "13.76.02", "RIZKY PRATAMA", LocalDate.of(1988, 5, 5), false, 1, "JL. SUDIRMAN NO. 45",
                        "001/002", "KOTO NAN AMPEK", Resident.PRINTED, false, null, "KAWIN", "PEDAGANG", "ISLAM"),
                resident(areas, "35.13.19", "NUR HIDAYAH", LocalDate.of(1992, 9, 9), true, 1, "JL. RAYA DRINGU NO. 3",
                        "003/001", "KEDUNGDALEM", Resident.PRINTED, false, null, "KAWIN", "MENGURUS RUMAH TANGGA",
                        "ISLAM"),
                resident(areas, "31.71.01", "BAGUS WICAKSONO", LocalDate.of(2000, 12, 12), false, 1,
                        "JL. MEDAN MERDEKA BARAT NO. 9", "005/002", "GAMBIR", Resident.PRINTED, false, null,
                        "BELUM KAWIN", "KARYAWAN SWASTA", "ISLAM"),
                resident(areas, "31.71.01", "MARIA CHRISTINA", LocalDate.of(1998, 4, 30), true, 1,
                        "JL. TANAH ABANG I NO. 2", "007/001", "PETOJO SELATAN", Resident.PRINTED, false, null,
                        "BELUM KAWIN", "PERAWAT", "KATOLIK"),
                resident(areas, "31.71.01", "PUTRI ANJANI", LocalDate.of(2003, 2, 4), true, 1, "JL. KEBON KELAPA NO. 5",
                        "002/004", "GAMBIR", Resident.NOT_RECORDED, false, null, "BELUM KAWIN", "PELAJAR/MAHASISWA",
                        "ISLAM"),
                resident(areas, "31.71.01", "SUPARMAN", LocalDate.of(1945, 3, 3), false, 1, "JL. CIDENG TIMUR NO. 8",
                        "001/005", "CIDENG", Resident.PRINTED, true, null, "CERAI MATI", "BELUM/TIDAK BEKERJA",
                        "ISLAM"),
                resident(areas, "31.71.01", "WULANDARI", LocalDate.of(1980, 7, 25), true, 1, "JL. DAGO NO. 101",
                        "003/006", "LEBAKGEDE", Resident.PRINTED, false, "32.73.02", "KAWIN", "WIRASWASTA", "ISLAM"));
    }

    /** {@code size} generated residents plus the demo residents, all with distinct NIKs. */
    public static List<Resident> generate(AreaCatalog areas, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Resident> residents = new ArrayList<>(demoResidents(areas));
        Set<String> niks = new HashSet<>();
        residents.forEach(r -> niks.add(r.nik()));
        List<District> officeDistricts = OFFICE_REGENCIES.stream().flatMap(code -> areas.inRegency(code).stream())
                .toList();
        List<District> all = areas.districts();
        while (residents.size() < size + demoResidents(areas).size()) {
            District home = random.nextInt(10) < 6 ? pick(random, officeDistricts) : pick(random, all);
            boolean female = random.nextBoolean();
            LocalDate birth = REFERENCE_DAY.minusYears(17 + random.nextInt(64)).minusDays(random.nextInt(365));
            String nik = nik(home, birth, female, 1 + random.nextInt(8999));
            if (!niks.add(nik)) {
                continue;
            }
            String first = female ? pick(random, FEMALE) : pick(random, MALE);
            String name = random.nextInt(5) == 0 ? first
                    : first + " " + (random.nextInt(4) == 0 ? pick(random, female ? FEMALE : MALE) + " " : "")
                            + pick(random, FAMILY);
            int ktp = random.nextInt(100);
            int age = REFERENCE_DAY.getYear() - birth.getYear();
            String ktpElStatus = ktp < 85 ? Resident.PRINTED
                    : ktp < 93 ? Resident.RECORDED_NOT_PRINTED : Resident.NOT_RECORDED;
            boolean deceased = random.nextInt(100) < (age > 60 ? 6 : 1);
            String movedTo = random.nextInt(100) < 3 ? pick(random, all).code() : null;
            String marital = age < 22 ? "BELUM KAWIN" : pick(random, new String[] { "KAWIN", "KAWIN", "KAWIN",
                    "BELUM KAWIN", "CERAI HIDUP", "CERAI MATI" });
            String occupation = age < 23 ? "PELAJAR/MAHASISWA" : pick(random, OCCUPATIONS);
            int religion = random.nextInt(100);
            String faith = religion < 87 ? "ISLAM" : religion < 94 ? "KRISTEN" : religion < 97 ? "KATOLIK"
                    : religion < 99 ? "HINDU" : "BUDDHA";
            String address = pick(random, STREETS) + (random.nextBoolean() ? " NO. " + (1 + random.nextInt(150)) : "");
            String rtRw = String.format("%03d/%03d", 1 + random.nextInt(15), 1 + random.nextInt(10));
            residents.add(resident(areas, home.code(), name, birth, female, nik, address, rtRw,
                    pick(random, VILLAGES), ktpElStatus, deceased, movedTo, marital, occupation, faith));
        }
        return residents;
    }

    public static String nik(District district, LocalDate birth, boolean female, int serial) {
        LocalDate encoded = birth;
        String ddmmyy = DDMMYY.format(encoded);
        if (female) {
            ddmmyy = String.format("%02d", birth.getDayOfMonth() + 40) + ddmmyy.substring(2);
        }
        return district.nikPrefix() + ddmmyy + String.format("%04d", serial);
    }

    private static Resident resident(AreaCatalog areas, String districtCode, String name, LocalDate birth,
            boolean female, int serial, String address, String rtRw, String village, String ktpElStatus,
            boolean deceased, String movedTo, String marital, String occupation, String religion) {
        District home = areas.district(districtCode);
        return resident(areas, districtCode, name, birth, female, nik(home, birth, female, serial), address, rtRw,
                village, ktpElStatus, deceased, movedTo, marital, occupation, religion);
    }

    private static Resident resident(AreaCatalog areas, String districtCode, String name, LocalDate birth,
            boolean female, String nik, String address, String rtRw, String village, String ktpElStatus,
            boolean deceased, String movedTo, String marital, String occupation, String religion) {
        District home = areas.district(districtCode);
        District domicile = movedTo == null ? home : areas.district(movedTo);
        String sex = female ? "PEREMPUAN" : "LAKI-LAKI";
        String birthPlace = home.regencyName().replaceFirst("^(KABUPATEN|KOTA ADM\\.|KOTA) ", "");
        String photoSha256 = Digests.sha256Hex(ResidentPhotos.render(nik, name, sex));
        return new Resident(nik, name, birthPlace, birth, sex, address, rtRw, village, domicile.code(),
                domicile.name(), domicile.regencyName(), domicile.provinceName(), religion, marital, occupation,
                "WNI", ktpElStatus, deceased ? "DECEASED" : "ALIVE", movedTo == null ? "RESIDENT" : "MOVED",
                photoSha256);
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
