package id.go.dukcapil.ikd.load;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/**
 * NIKs in the right format (Jakarta Pusat, Gambir: 317101, a birth date, a serial) that need
 * not be in the registry: enough for registration, which checks only the format. A case made
 * from one cannot be approved; the counter scenarios use {@link Registry} residents instead.
 */
public final class Niks {

    private Niks() {
    }

    public static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 55));
        boolean female = random.nextBoolean();
        return String.format("317101%02d%02d%02d%04d", birth.getDayOfMonth() + (female ? 40 : 0),
                birth.getMonthValue(), birth.getYear() % 100, 1 + random.nextInt(9999));
    }
}
