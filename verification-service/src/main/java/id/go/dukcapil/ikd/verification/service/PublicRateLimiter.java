package id.go.dukcapil.ikd.verification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.config.VideoCallConfig;
import id.go.dukcapil.ikd.messaging.RateLimitWindows;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Limits the public office directory per client address, in fixed windows counted in PostgreSQL
 * so that every replica sees the same counts (as registration-service limits its public API).
 */
@ApplicationScoped
public class PublicRateLimiter {


    private final RateLimitWindows repository;
    private final VerificationConfig.Directory limits;
    private final VerificationConfig.ReceiptCheck receiptLimits;
    private final Duration longestWindow;
    private final VerificationConfig.Complaints complaintLimits;
    private final VideoCallConfig videoCalls;

    public PublicRateLimiter(RateLimitWindows repository, VerificationConfig config, VideoCallConfig videoCalls) {
        this.repository = repository;
        this.limits = config.directory();
        this.receiptLimits = config.receiptCheck();
        // one table holds every bucket (the counter's per-operator ones too, CounterRateLimiter):
        // purge only what is over for the longest window
        this.longestWindow = Stream.of(limits.window(), receiptLimits.window(), config.counter().searchWindow(),
                config.counter().correctionWindow(),
                config.complaints().window(), videoCalls.requestWindow()).max(Comparator.naturalOrder()).orElseThrow();
        this.complaintLimits = config.complaints();
        this.videoCalls = videoCalls;
    }

    /** Asking for a video call (or rejoining one): a bound per address on the codes a stranger can make us check. */
    public Uni<Void> checkVideoCall(String clientAddress) {
        return check("VIDEO_CALL:address:" + clientAddress, videoCalls.requestsPerAddress(), videoCalls.requestWindow(),
                "Terlalu banyak permintaan panggilan video dari alamat ini; coba lagi sebentar lagi.",
                "Too many video call requests from this address; try again shortly.");
    }

    /** Booking a video call (slots, book, move, cancel): the video call's allowance, in a bucket of its own. */
    public Uni<Void> checkVideoBooking(String clientAddress) {
        return check("VIDEO_BOOKING:address:" + clientAddress, videoCalls.requestsPerAddress(), videoCalls.requestWindow(),
                "Terlalu banyak permintaan jadwal panggilan video dari alamat ini; coba lagi sebentar lagi.",
                "Too many video call booking requests from this address; try again shortly.");
    }

    /** Fails with 429 RATE_LIMITED (and Retry-After) past the address's allowance in this window. */
    public Uni<Void> checkDirectory(String clientAddress) {
        return check("DIRECTORY:address:" + clientAddress, limits.requestsPerAddress(), limits.window(),
                "Terlalu banyak pencarian dari alamat ini; coba lagi sebentar lagi.",
                "Too many searches from this address; try again shortly.");
    }

    /** The public receipt check: its own, smaller allowance (a guesser gets few tries per window). */
    public Uni<Void> checkReceipt(String clientAddress) {
        return check("RECEIPT:address:" + clientAddress, receiptLimits.requestsPerAddress(), receiptLimits.window(),
                "Terlalu banyak pengecekan dari alamat ini; coba lagi sebentar lagi.",
                "Too many checks from this address; try again shortly.");
    }

    /** Filing a complaint: few per address and window (each costs an office's work and a message). */
    public Uni<Void> checkComplaint(String clientAddress) {
        return check("COMPLAINT:address:" + clientAddress, complaintLimits.requestsPerAddress(),
                complaintLimits.window(), "Terlalu banyak aduan dari alamat ini; coba lagi nanti.",
                "Too many complaints from this address; try again later.");
    }

    /** Counts one hit of {@code bucket}: 429 RATE_LIMITED with Retry-After past {@code limit} in the window. */
    private Uni<Void> check(String bucket, int limit, Duration window, String detailId, String detailEn) {
        return repository.hit(bucket, limit, window, Instant.now()).invoke(over -> over.ifPresent(wait -> {
            throw new ProblemException(CommonProblems.RATE_LIMITED, detailId, detailEn).retryAfter(wait);
        })).replaceWithVoid();
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeOldWindows() {
        // windows older than the longest are over for every bucket
        return repository.purgeOlderThan(longestWindow);
    }
}
