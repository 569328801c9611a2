package id.go.dukcapil.ikd.notification.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything that differs between a laptop, a test and a Dukcapil cluster. */
@ConfigMapping(prefix = "ikd.notification")
public interface NotificationConfig {

    Sealing sealing();

    Sms sms();

    Retry retry();

    Dispatch dispatch();

    VideoCall videoCall();

    /**
     * Where messages that failed for good are dead-lettered: by default the topic the platform
     * parks this service's poison events on, so ops watch one topic per service.
     */
    @WithDefault("${mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic}")
    String deadLetterTopic();

    /**
     * Contact channels shown when the event names no office (RegistrationSubmitted: the citizen has
     * not met an office yet). Defaults to the national call center of Ditjen Dukcapil.
     */
    DefaultContact defaultContact();

    /**
     * Public base URL of the office directory ({@code /offices}) and the complaint page
     * ({@code /pengaduan}), linked in every email's footer (verification-service on the api host).
     */
    @WithDefault("http://localhost:8082")
    String publicPagesUrl();

    interface Sealing {
        /** PEM PKCS#8 EC P-256 private key that opens ActivationCodeIssued.sealedSecrets (path or file: URI). */
        String privateKeyLocation();
    }

    /**
     * The HTTP SMS gateway. The defaults are the suite's own contract (the local SMS outbox):
     * {@code POST} JSON {@code {"to","message","reference"}}; a commercial gateway is adapted by
     * method, content type, body template and credentials, without code.
     */
    interface Sms {
        /** The gateway's endpoint. */
        String url();

        @WithDefault("POST")
        Method method();

        @WithDefault("JSON")
        ContentType contentType();

        /**
         * The request body with {@code {{to}}}, {@code {{message}}}, {@code {{reference}}} and
         * {@code {{sender}}} placeholders, escaped for the content type when filled in. When absent:
         * the suite contract for JSON, {@code to=…&message=…&reference=…} for FORM.
         */
        Optional<String> bodyTemplate();

        /** Sender id (masking name) the gateway shows, for templates that use {@code {{sender}}}. */
        Optional<String> senderId();

        /** Bearer token of the gateway, if it wants one. */
        Optional<String> token();

        /** HTTP Basic user, with {@link #basicPassword()}, for gateways that want Basic auth. */
        Optional<String> basicUsername();

        Optional<String> basicPassword();

        /** API key sent in the header {@link #apiKeyHeader()}, for gateways that want one. */
        Optional<String> apiKey();

        @WithDefault("X-API-Key")
        String apiKeyHeader();

        enum Method {
            POST, PUT
        }

        enum ContentType {
            /** {@code application/json}: values are inserted as JSON string content. */
            JSON("application/json"),
            /** {@code application/x-www-form-urlencoded}: values are URL-encoded (UTF-8). */
            FORM("application/x-www-form-urlencoded");

            private final String mediaType;

            ContentType(String mediaType) {
                this.mediaType = mediaType;
            }

            public String mediaType() {
                return mediaType;
            }
        }
    }

    interface Retry {
        /**
         * Attempts per message (the first included) before it is FAILED for good. With the default
         * backoff (5 s doubling to 30 s) 240 attempts keep a message trying for about two hours.
         */
        @WithDefault("240")
        int maxAttempts();

        @WithDefault("5s")
        Duration initialBackoff();

        /**
         * Kept short so that a server that comes back is noticed within this long; the first
         * success then brings every waiting message of that channel forward.
         */
        @WithDefault("30s")
        Duration maxBackoff();
    }

    interface Dispatch {
        /** How often the dispatcher looks for due messages (read by the scheduler as ikd.notification.dispatch.interval). */
        Duration interval();

        /** How often abandoned leases and unrecorded outcomes are looked for. */
        Duration reconcileInterval();

        /**
         * Messages a dispatcher round claims and sends at once (SMTP sessions and gateway calls in
         * flight per replica). A round claims only what it sends.
         */
        @WithDefault("8")
        int concurrency();

        /**
         * A claim is a lease: a message still SENDING this long after its attempt started was
         * abandoned (its replica died) and is taken over and sent again under the same Message-ID.
         * Must exceed {@link #sendTimeout()}.
         */
        @WithDefault("2m")
        Duration lease();

        /**
         * The longest one send may take (SMTP conversation or SMS gateway call, waiting for a pooled
         * connection included). A send past it counts as a transient failure and is retried under
         * the same Message-ID: a mail server that accepts connections and never answers must not
         * stop every later message. Must be shorter than {@link #lease()}; a whole round (claim,
         * sends, records) is given twice this.
         */
        @WithDefault("30s")
        Duration sendTimeout();

        /**
         * How long a stopping replica waits for its round in flight to record what it sent
         * (within Quarkus' shutdown and Kubernetes' grace period, 30 s).
         */
        @WithDefault("10s")
        Duration drainTimeout();
    }

    interface DefaultContact {
        @WithDefault("DITJEN-DUKCAPIL")
        String officeCode();

        @WithDefault("Direktorat Jenderal Kependudukan dan Pencatatan Sipil, Kementerian Dalam Negeri")
        String name();

        /** As verification-service's office row of Ditjen: one address everywhere. */
        @WithDefault("Jl. Raya Pasar Minggu Km. 19, Jakarta Selatan 12510")
        Optional<String> address();

        /** Halo Dukcapil call center. */
        @WithDefault("1500537")
        Optional<String> phone();

        Optional<String> email();

        Optional<String> whatsapp();

        @WithDefault("https://dukcapil.kemendagri.go.id")
        Optional<String> website();
    }

    /** Messages about a booked video call (issue 18). */
    interface VideoCall {
        /**
         * How long before the slot the reminder goes out (email and SMS). A slot booked closer to its
         * start than this gets the confirmation only.
         */
        @WithDefault("1h")
        Duration reminderBefore();
    }
}
