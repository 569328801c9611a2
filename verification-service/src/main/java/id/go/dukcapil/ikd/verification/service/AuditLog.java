package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.verification.repository.AuditRepository;
import id.go.dukcapil.ikd.verification.repository.AuditRepository.AuditRow;
import io.smallrye.mutiny.Uni;
import id.go.dukcapil.ikd.web.Digests;

/**
 * Tamper-evident audit log of decisions and logins: every entry's hash covers its content and
 * the previous entry's hash, so editing, deleting or reordering any row breaks the chain from
 * there on, which {@link #verify()} finds.
 */
@ApplicationScoped
public class AuditLog {

    public static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 1000;

    private final AuditRepository repository;
    private final ObjectMapper json;

    /**
     * {@code json} is the service's configured mapper. An entry's hash covers its details as
     * written (keys sorted, nulls kept, compact); {@link #verify()} rehashes the stored text, so a
     * mapper setting changed later cannot break an existing chain, and AuditChainTest pins the
     * form new entries are written in.
     */
    public AuditLog(AuditRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /** Appends an entry in the caller's transaction (appenders serialise on the chain's head). */
    public Uni<Void> append(String kind, String actor, String officeCode, String subject, Map<String, ?> details) {
        String detailsJson = canonicalJson(details);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // the precision PostgreSQL keeps
        return repository.lockHead().chain(head -> {
            long seq = head.lastSeq() + 1;
            String hash = hash(seq, now, kind, actor, officeCode, subject, detailsJson, head.lastHash());
            return repository.append(new AuditRow(seq, now, kind, actor, officeCode, subject, detailsJson,
                    head.lastHash(), hash));
        });
    }

    /** Walks the whole chain; the first entry whose hash or link does not match breaks it. */
    public Uni<ChainVerification> verify() {
        return repository.head().chain(head -> walk(0, GENESIS, 0, head));
    }

    private Uni<ChainVerification> walk(long afterSeq, String expectedPrev, long checked, AuditRepository.Head head) {
        return repository.page(afterSeq, PAGE).chain(page -> {
            String prev = expectedPrev;
            long count = checked;
            long expectedSeq = afterSeq + 1;
            for (AuditRow row : page) {
                if (row.seq() != expectedSeq) {
                    return Uni.createFrom().item(ChainVerification.broken(count, expectedSeq, "MISSING_ENTRY"));
                }
                if (!row.prevHash().equals(prev)) {
                    return Uni.createFrom().item(ChainVerification.broken(count, row.seq(), "BROKEN_LINK"));
                }
                String recomputed = hash(row.seq(), row.occurredAt(), row.kind(), row.actor(), row.officeCode(),
                        row.subject(), row.details(), row.prevHash());
                if (!recomputed.equals(row.hash())) {
                    return Uni.createFrom().item(ChainVerification.broken(count, row.seq(), "CONTENT_CHANGED"));
                }
                prev = row.hash();
                count++;
                expectedSeq++;
            }
            if (page.size() == PAGE) {
                return walk(page.get(page.size() - 1).seq(), prev, count, head);
            }
            if (count < head.lastSeq() || !prev.equals(head.lastHash().trim())) {
                return Uni.createFrom().item(ChainVerification.broken(count, count + 1, "TRUNCATED"));
            }
            return Uni.createFrom().item(ChainVerification.intact(count, prev));
        });
    }

    static String hash(long seq, Instant occurredAt, String kind, String actor, String officeCode, String subject,
            String details, String prevHash) {
        String canonical = String.join("\u001f", Long.toString(seq), occurredAt.toString(), kind, actor,
                String.valueOf(officeCode), String.valueOf(subject), details, prevHash);
        return Digests.sha256Hex(canonical);
    }

    private String canonicalJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain values", e);
        }
    }

    /** Outcome of a verification: intact, or where the chain first breaks and why. */
    public record ChainVerification(boolean intact, long entriesVerified, Long brokenAtSeq, String reason,
            String headHash) {
        static ChainVerification intact(long entries, String headHash) {
            return new ChainVerification(true, entries, null, null, headHash);
        }

        static ChainVerification broken(long entries, long seq, String reason) {
            return new ChainVerification(false, entries, seq, reason, null);
        }
    }
}
