package id.go.dukcapil.ikd.verification.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kemendagri area codes (idn-area-data 3.1.2, ODbL; notice in {@code idn-area/LICENSE.md}):
 * the districts residents live in, with their regency and province names.
 */
public final class AreaCatalog {

    public record District(String code, String name, String regencyCode, String regencyName, String provinceName) {
        /** The district code without dots, the first six digits of a NIK. */
        public String nikPrefix() {
            return code.replace(".", "");
        }
    }

    private final List<District> districts;
    private final Map<String, District> byCode;

    private AreaCatalog(List<District> districts) {
        this.districts = List.copyOf(districts);
        this.byCode = new LinkedHashMap<>();
        districts.forEach(d -> byCode.put(d.code(), d));
    }

    public static AreaCatalog load() {
        Map<String, String> provinces = new LinkedHashMap<>();
        read("idn-area/provinces.csv").forEach(cols -> provinces.put(cols[0], cols[1]));
        Map<String, String[]> regencies = new LinkedHashMap<>();
        read("idn-area/regencies.csv").forEach(cols -> regencies.put(cols[0], cols));
        List<District> districts = new ArrayList<>();
        for (String[] cols : read("idn-area/districts.csv")) {
            String[] regency = regencies.get(cols[1]);
            if (regency == null || !cols[0].matches("\\d{2}\\.\\d{2}\\.\\d{2}")) {
                continue; // a NIK has room for two-digit district codes only
            }
            districts.add(new District(cols[0], cols[2].toUpperCase(), cols[1], regency[2],
                    provinces.getOrDefault(regency[1], "")));
        }
        return new AreaCatalog(districts);
    }

    public List<District> districts() {
        return districts;
    }

    public District district(String code) {
        District district = byCode.get(code);
        if (district == null) {
            throw new IllegalArgumentException("unknown district " + code);
        }
        return district;
    }

    public List<District> inRegency(String regencyCode) {
        return districts.stream().filter(d -> d.regencyCode().equals(regencyCode)).toList();
    }

    private static List<String[]> read(String resource) {
        try (InputStream in = AreaCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine(); // header
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
