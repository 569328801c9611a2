package id.go.dukcapil.ikd.verification.domain;

import java.time.LocalDate;

/** A national holiday (libur nasional) or cuti bersama: no office counts it as a working day. */
public record Holiday(LocalDate day, Kind kind, String name) {

    public enum Kind {
        NATIONAL, CUTI_BERSAMA
    }
}
