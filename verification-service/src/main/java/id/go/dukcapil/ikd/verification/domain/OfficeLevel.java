package id.go.dukcapil.ikd.verification.domain;

public enum OfficeLevel {
    /** Dinas kabupaten/kota: covers a regency code such as {@code 63.05}. */
    REGENCY,
    /** Kecamatan counter: covers a district code such as {@code 35.18.14}. */
    DISTRICT,
    /** Ditjen Dukcapil: the national queue and the central verifiers. */
    NATIONAL
}
