package id.go.dukcapil.ikd.verification.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.messaging.CommitSignals;
import id.go.dukcapil.ikd.verification.config.VideoCallConfig;
import id.go.dukcapil.ikd.verification.domain.CallSignal;
import id.go.dukcapil.ikd.verification.domain.VideoCallProblems;
import id.go.dukcapil.ikd.verification.repository.VideoCallSignalRepository;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The signalling of calls: what one browser sends reaches the other, whichever replica each is
 * connected to. A message is stored with its sequence and announced by {@code pg_notify} on commit
 * ({@link CommitSignals}); each stream reads on from the last sequence it passed, so a reconnecting
 * page (or a lost notification, caught by the periodic read) misses nothing and gets nothing twice.
 */
@ApplicationScoped
public class VideoCallSignals {

    /** The sides of a call. */
    public static final String CITIZEN = "CITIZEN";
    public static final String OPERATOR = "OPERATOR";
    /**
     * What the pages exchange: the citizen's page saying it is ready to be offered (on every load, so a
     * reloaded page gets a new connection), WebRTC's offer, answer and candidates, the counter code, and the end.
     */
    public static final Set<String> KINDS = Set.of("ready", "offer", "answer", "candidate", "counter-code", "consent", "hangup");
    private static final Duration CATCH_UP = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(VideoCallSignals.class);

    private final VideoCallSignalRepository signals;
    private final CommitSignals commits;
    private final VideoCallConfig config;
    private final ObjectMapper json;
    private final Map<UUID, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    /** Open streams per call and side on this replica, bounded by {@code streamsPerSide}. */
    private final Map<String, Integer> openStreams = new ConcurrentHashMap<>();

    public VideoCallSignals(VideoCallSignalRepository signals, CommitSignals commits, VideoCallConfig config,
            ObjectMapper json) {
        this.signals = signals;
        this.commits = commits;
        this.config = config;
        this.json = json;
    }

    void start(@Observes StartupEvent ignored) {
        commits.listen(VideoCallSignalRepository.CHANNEL, this::announced);
    }

    /** Stores a message of {@code sender} for the other side; refused unless it is a known kind with a JSON object body. */
    public Uni<Void> send(UUID callId, String sender, String kind, JsonNode body) {
        if (kind == null || !KINDS.contains(kind) || body == null || !body.isObject()) {
            return Uni.createFrom().failure(invalid("Jenis atau isi pesan tidak dikenal.", "Unknown message kind or body."));
        }
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(invalid("Isi pesan tidak dapat dibaca.", "The message body cannot be read."));
        }
        if (text.length() > config.maxSignalBytes()) {
            return Uni.createFrom().failure(invalid("Pesan terlalu panjang.", "The message is too long."));
        }
        return signals.append(callId, sender, kind, text, config.maxSignalsPerCall()).invoke(stored -> {
            if (!stored) {
                throw invalid("Panggilan ini sudah membawa terlalu banyak pesan; mulai panggilan baru.",
                        "This call has carried too many messages; start a new call.");
            }
        }).replaceWithVoid();
    }

    /**
     * The other side's messages to {@code reader}, after {@code afterSeq}, as they come, until the
     * subscriber leaves; 429 CALL_STREAMS_EXCEEDED while that side already holds its streams here.
     */
    public Multi<CallSignal> stream(UUID callId, String reader, long afterSeq) {
        return Multi.createFrom().emitter(emitter -> {
            String side = callId + ":" + reader;
            if (!admit(side)) {
                emitter.fail(streamsExceeded());
                return;
            }
            AtomicLong last = new AtomicLong(afterSeq);
            AtomicBoolean reading = new AtomicBoolean();
            AtomicBoolean again = new AtomicBoolean();
            Runnable read = new Runnable() {
                @Override
                public void run() {
                    if (!reading.compareAndSet(false, true)) {
                        again.set(true);
                        return;
                    }
                    again.set(false);
                    signals.after(callId, last.get()).subscribe().with(page -> {
                        for (CallSignal signal : page) {
                            last.set(signal.seq());
                            if (!signal.sender().equals(reader)) {
                                emitter.emit(signal);
                            }
                        }
                        reading.set(false);
                        if (!page.isEmpty() || again.get()) {
                            run();
                        }
                    }, failure -> {
                        reading.set(false);
                        LOG.debugf("call %s: reading signals failed (the next read tries again): %s", callId,
                                failure.getMessage());
                    });
                }
            };
            Runnable stop = listen(callId, read);
            var catchUp = Multi.createFrom().ticks().every(CATCH_UP).subscribe().with(tick -> read.run());
            emitter.onTermination(() -> {
                stop.run();
                catchUp.cancel();
                openStreams.computeIfPresent(side, (key, open) -> open <= 1 ? null : open - 1);
            });
            read.run();
        });
    }

    /**
     * Refuses at once (429 CALL_STREAMS_EXCEEDED) a stream that would find its side full: called
     * before the stream's answer starts, since a server-sent event stream's 200 goes out before the
     * stream runs. {@link #stream} still holds the bound for streams that race past this check.
     */
    public void requireRoom(UUID callId, String reader) {
        if (openStreams.getOrDefault(callId + ":" + reader, 0) >= config.streamsPerSide()) {
            throw streamsExceeded();
        }
    }

    private static ProblemException streamsExceeded() {
        return new ProblemException(VideoCallProblems.CALL_STREAMS_EXCEEDED,
                "Tutup halaman panggilan yang lain, lalu coba lagi.", "Close the call's other pages, then try again.");
    }

    private boolean admit(String side) {
        boolean[] admitted = {false};
        openStreams.compute(side, (key, open) -> {
            int count = open == null ? 0 : open;
            if (count >= config.streamsPerSide()) {
                return open;
            }
            admitted[0] = true;
            return count + 1;
        });
        return admitted[0];
    }

    private Runnable listen(UUID callId, Runnable listener) {
        listeners.computeIfAbsent(callId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(callId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    private void announced(String payload) {
        UUID callId;
        try {
            callId = UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            return;
        }
        Set<Runnable> forCall = listeners.get(callId);
        if (forCall != null) {
            List.copyOf(forCall).forEach(Runnable::run);
        }
    }

    private static ProblemException invalid(String detailId, String detailEn) {
        return new ProblemException(VideoCallProblems.SIGNAL_INVALID, detailId, detailEn);
    }
}
