package id.go.dukcapil.ikd.verification.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Province names by the two-digit Kemendagri code an office's area code starts with ({@code idn-area/provinces.csv}). */
public final class Provinces {

    /** The group of an office with no area (Ditjen Dukcapil in Jakarta). */
    public static final String NATIONAL = "NASIONAL";

    private static final Map<String, String> NAMES = load();

    private Provinces() {
    }

    /** The province code of an area code ({@code 35.13} gives {@code 35}); {@code 00} for none. */
    public static String codeOf(String areaCode) {
        return areaCode == null || areaCode.strip().length() < 2 ? "00" : areaCode.strip().substring(0, 2);
    }

    /** The province's name (e.g. JAWA TIMUR), or {@link #NATIONAL} for an office without an area. */
    public static String nameOf(String areaCode) {
        return NAMES.getOrDefault(codeOf(areaCode), NATIONAL);
    }

    private static Map<String, String> load() {
        Map<String, String> names = new LinkedHashMap<>();
        try (InputStream in = Provinces.class.getClassLoader().getResourceAsStream("idn-area/provinces.csv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource idn-area/provinces.csv");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cols = line.split(",", 2);
                if (cols.length == 2) {
                    names.put(cols[0].strip(), cols[1].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(names);
    }
}
