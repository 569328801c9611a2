package id.go.dukcapil.ikd.token.service;

import id.go.dukcapil.ikd.web.ProblemType;

/** The errors of token-service a client can act on. */
public enum TokenProblems implements ProblemType {
    PIN_PROOF_INVALID(403, "Bukti PIN tidak sah atau kedaluwarsa", "The PIN proof is invalid or expired"),
    PIN_PROOF_USED(409, "Bukti PIN sudah dipakai", "The PIN proof has already been used"),
    IDENTITY_NOT_ACTIVE(403, "Identitas digital tidak aktif", "The digital identity is not active"),
    ACTIVATION_IN_TRANSIT(503, "Aktivasi belum sampai ke layanan kode QR", "The activation has not reached the QR service yet"),
    WRONG_AUDIENCE(403, "Token tidak ditujukan untuk layanan ini", "The token is not meant for this service"),
    INVALID_CLIENT(401, "Identitas klien tidak sah", "Invalid client credentials"),
    RELYING_PARTY_DISABLED(401, "Klien dinonaktifkan", "The client is disabled"),
    FORM_NOT_VALID(403, "Formulir kedaluwarsa atau tidak sah", "The form expired or is not valid"),
    UNSUPPORTED_GRANT_TYPE(400, "Jenis grant tidak didukung", "Unsupported grant type"),
    UNKNOWN_SCOPE(400, "Cakupan tidak dikenal", "Unknown scope"),
    RELYING_PARTY_EXISTS(409, "Klien sudah terdaftar", "The client already exists"),
    RELYING_PARTY_NOT_FOUND(404, "Klien tidak ditemukan", "Client not found"),
    SIGNING_KEY_NOT_FOUND(404, "Kunci penandatangan tidak ditemukan", "Signing key not found");

    private final Definition definition;

    TokenProblems(int status, String titleId, String titleEn) {
        this.definition = new Definition(status, titleId, titleEn);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
