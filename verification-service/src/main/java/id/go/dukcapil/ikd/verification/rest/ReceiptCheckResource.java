package id.go.dukcapil.ikd.verification.rest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.domain.Labels;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.repository.ServiceRegisterRepository.PublicStatus;
import id.go.dukcapil.ikd.verification.service.ReceiptCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import id.go.dukcapil.ikd.web.ClientAddress;
import id.go.dukcapil.ikd.web.Bilingual;

/** The public check of a receipt's reference as JSON: no login, limited per client address. */
@Path("/api/v1/receipts")
@Tag(name = "Receipt check (public)")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ReceiptCheckResource {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final ReceiptCheck check;

    public ReceiptCheckResource(ReceiptCheck check) {
        this.check = check;
    }

    /**
     * What the receipt's holder may see: no name, NIK, contact or operator.
     *
     * @param receivedAt when the citizen was at the counter, in the office's local time with its zone
     */
    @Schema(example = """
            {"reference": "IKD-7K3M-Q9TX-2BHC", "status": "APPROVED", "statusId": "Disetujui", "statusEn": "Approved",
             "nextId": "Disetujui. Buka tautan aktivasi di email dan masukkan PIN.",
             "nextEn": "Approved. Open the activation link in the email and enter the PIN.", "officeCode": "6305-DISDUKCAPIL", "officeName": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin",
             "timeZone": "WITA", "receivedAt": "04-12-2026 10:14 WITA", "decidedAt": "04-12-2026 10:18 WITA",
             "activatedAt": null, "closedAt": null}""")
    public record ReceiptStatusView(String reference, String status, String statusId, String statusEn,
            String nextId, String nextEn, String officeCode, String officeName, String timeZone, String receivedAt,
            String decidedAt, String activatedAt, String closedAt) {
    }

    @GET
    @Path("/{reference}")
    @Operation(summary = "The status of the application a receipt names, in words, with its office and dates")
    @APIResponse(responseCode = "200", description = "The status")
    @APIResponse(responseCode = "404", description = "RECEIPT_NOT_FOUND (problem+json)")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED with Retry-After (problem+json)")
    public Uni<ReceiptStatusView> check(@PathParam("reference") @Size(max = 40) String reference,
            @Context HttpServerRequest request) {
        return check.check(reference, ClientAddress.of(request)).map(ReceiptCheckResource::view);
    }

    public static ReceiptStatusView view(PublicStatus s) {
        Bilingual status = Labels.caseStatus(s.status());
        String[] next = next(s.status());
        return new ReceiptStatusView(s.reference(), s.status(), status.id(), status.en(), next[0], next[1],
                s.officeCode(), s.officeName(), s.timeZone(), local(s.scannedAt(), s.timeZone()),
                local(s.decidedAt(), s.timeZone()), local(s.activatedAt(), s.timeZone()),
                local(s.closedAt(), s.timeZone()));
    }

    /** "04-12-2026 09:15 WITA", or null. */
    static String local(Instant at, String zone) {
        if (at == null) {
            return null;
        }
        OfficeTimeZone z = zone == null ? OfficeTimeZone.WIB : OfficeTimeZone.valueOf(zone);
        return LOCAL.format(at.atZone(z.zoneId())) + " " + z.name();
    }

    /** What the citizen does or waits for now, in both languages. */
    private static String[] next(String status) {
        CaseStatus known;
        try {
            known = CaseStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return new String[] { "", "" };
        }
        return switch (known) {
            case QUEUED, IN_REVIEW -> new String[] { "Permohonan sedang diproses di kantor.",
                    "The application is being handled at the office." };
            case AWAITING_CENTRAL -> new String[] { "Menunggu verifikasi Ditjen Dukcapil; PIN aktivasi dikirim lewat email setelah disetujui.",
                    "Awaiting verification by Ditjen Dukcapil; the activation PIN is emailed once approved." };
            case APPROVED -> new String[] { "Disetujui. Buka tautan aktivasi di email dan masukkan PIN.",
                    "Approved. Open the activation link in the email and enter the PIN." };
            case ACTIVATED -> new String[] { "IKD sudah aktif. Layanan selesai.", "The IKD is active. The service is complete." };
            case REJECTED -> new String[] { "Ditolak. Alasannya dikirim lewat email; datangi kantor bila ada pertanyaan.",
                    "Rejected. The reason was emailed; visit the office with any question." };
            case WITHDRAWN, SUPERSEDED -> new String[] { "Permohonan ini tidak dilanjutkan.",
                    "This application is not being continued." };
        };
    }
}
