package id.go.dukcapil.ikd.token.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.domain.Scopes;
import id.go.dukcapil.ikd.token.domain.VerificationReason;
import id.go.dukcapil.ikd.token.repository.VerificationRecordRepository;
import id.go.dukcapil.ikd.token.repository.VerificationRecordRepository.HolderEntry;
import id.go.dukcapil.ikd.web.Bilingual;
import io.smallrye.mutiny.Uni;

/**
 * The citizen's own verification log (issue 19, UU PDP access): every time a relying party checked
 * their QR, when, who (named), what it learned and the verdict, from the record written in each
 * verification's transaction. Only the session's own subject; never another holder's.
 */
@Path("/api/v1/citizen/verifications")
@Tag(name = "Citizen")
@SecurityRequirement(name = "bearer")
@RolesAllowed("citizen")
public class CitizenVerificationLogResource {


    /** One check of the citizen's QR. */
    @Schema(example = """
            {"reference": "VRF-7K3M-Q9XD-2HPA", "verifiedAt": "2026-12-05T02:30:12Z", "relyingParty": "bank-nusantara",
             "relyingPartyName": {"id": "PT Bank Nusantara Tbk", "en": "PT Bank Nusantara Tbk"},
             "disclosed": ["ikd.name", "ikd.nik"],
             "disclosedWords": [{"id": "nama lengkap", "en": "full name"}, {"id": "NIK tersamar", "en": "masked NIK"}],
             "verdict": "VALID",
             "verdictWords": {"id": "Sah: identitas Anda dikonfirmasi.", "en": "Valid: your identity was confirmed."}}""")
    public record Entry(String reference, Instant verifiedAt, String relyingParty, Bilingual relyingPartyName,
            List<String> disclosed, List<Bilingual> disclosedWords, String verdict, Bilingual verdictWords) {
    }

    private static final Map<String, Bilingual> ATTRIBUTES = Map.of(
            Scopes.NAME, new Bilingual("nama lengkap", "full name"),
            Scopes.NIK, new Bilingual("NIK tersamar", "masked NIK"),
            Scopes.BIRTH_DATE, new Bilingual("tanggal lahir", "date of birth"),
            Scopes.PHOTO, new Bilingual("foto KTP-el", "KTP-el photo"));

    private final VerificationRecordRepository records;
    private final TokenConfig config;
    private final JsonWebToken jwt;

    public CitizenVerificationLogResource(VerificationRecordRepository records, TokenConfig config, JsonWebToken jwt) {
        this.records = records;
        this.config = config;
        this.jwt = jwt;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every check of the calling citizen's QR, newest first",
            description = "Who checked (the relying party, named), when, which attributes it learned and the verdict. "
                    + "limit at most 500.")
    @APIResponse(responseCode = "200", description = "The log")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (problem+json)")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: no or an expired citizen session (problem+json)")
    @APIResponse(responseCode = "403", description = "WRONG_AUDIENCE: the token is not meant for token-service (problem+json)")
    public Uni<List<Entry>> log(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        Audiences.requireTokenService(jwt);
        return records.ofSubject(jwt.getSubject(), limit).map(entries -> entries.stream().map(this::entry).toList());
    }

    private Entry entry(HolderEntry entry) {
        VerificationRecordRepository.VerificationRecord r = entry.record();
        List<String> disclosed = r.disclosed() == null || r.disclosed().isBlank() ? List.of()
                : Arrays.asList(r.disclosed().strip().split("\\s+"));
        return new Entry(r.reference(), r.verifiedAt(), r.relyingParty(), name(r.relyingParty(), entry.relyingPartyName()),
                disclosed, disclosed.stream().map(scope -> ATTRIBUTES.getOrDefault(scope, Bilingual.same(scope))).toList(),
                r.verdict(), verdict(r.verdict()));
    }

    private Bilingual name(String clientId, String registered) {
        if (clientId.equals(config.verifierPage().clientId())) {
            return new Bilingual("Petugas dengan halaman verifikasi IKD", "An officer with the IKD verifier page");
        }
        return Bilingual.same(registered == null ? clientId : registered);
    }

    private static Bilingual verdict(String verdict) {
        if ("VALID".equals(verdict)) {
            return new Bilingual("Sah: identitas Anda dikonfirmasi.", "Valid: your identity was confirmed.");
        }
        try {
            VerificationReason reason = VerificationReason.valueOf(verdict);
            return new Bilingual("Ditolak: " + reason.textId(), "Refused: " + reason.textEn());
        } catch (IllegalArgumentException unknown) {
            return new Bilingual("Ditolak.", "Refused.");
        }
    }
}
