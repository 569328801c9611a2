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

    /**
     * Contact channels shown when the event names no office (RegistrationSubmitted: the citizen has
     * not met an office yet). Defaults to the national call center of Ditjen Dukcapil.
     */
    DefaultContact defaultContact();

    interface Sealing {
        /** PEM PKCS#8 EC P-256 private key that opens ActivationCodeIssued.sealedSecrets (path or file: URI). */
        String privateKeyLocation();
    }

    interface Sms {
        /** The gateway's endpoint: POST {"to","message","reference"}. */
        String url();

        /** Bearer token of the gateway, if it wants one. */
        Optional<String> token();
    }

    interface Retry {
        /** Attempts per message (the first included) before it is FAILED for good. */
        @WithDefault("8")
        int maxAttempts();

        @WithDefault("30s")
        Duration initialBackoff();

        @WithDefault("10m")
        Duration maxBackoff();
    }

    interface Dispatch {
        /** How often the dispatcher looks for due messages (read by the scheduler as ikd.notification.dispatch.interval). */
        Duration interval();

        /** How often interrupted attempts are looked for. */
        Duration reconcileInterval();

        /** Messages claimed per dispatcher round. */
        @WithDefault("10")
        int batchSize();

        /**
         * An attempt still "in flight" after this long was interrupted (crash between send and
         * record): it is marked UNKNOWN for ops instead of being sent blindly a second time.
         * Must exceed the SMTP and SMS timeouts times the batch size.
         */
        @WithDefault("10m")
        Duration staleAfter();
    }

    interface DefaultContact {
        @WithDefault("DITJEN-DUKCAPIL")
        String officeCode();

        @WithDefault("Direktorat Jenderal Kependudukan dan Pencatatan Sipil, Kementerian Dalam Negeri")
        String name();

        @WithDefault("Jl. Medan Merdeka Utara No. 7, Jakarta Pusat")
        Optional<String> address();

        /** Halo Dukcapil call center. */
        @WithDefault("1500537")
        Optional<String> phone();

        Optional<String> email();

        Optional<String> whatsapp();

        @WithDefault("https://dukcapil.kemendagri.go.id")
        Optional<String> website();
    }
}
