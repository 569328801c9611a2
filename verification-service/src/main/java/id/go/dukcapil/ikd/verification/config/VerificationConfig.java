package id.go.dukcapil.ikd.verification.config;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of verification-service; every key can be set through the environment. */
@ConfigMapping(prefix = "ikd.verification")
public interface VerificationConfig {

    /** Base URL of registration-service, where the portal fetches the citizen's selfie. */
    @WithDefault("http://127.0.0.1:8081")
    String registrationUrl();

    /** Issuer of operator tokens (the suite's one issuer). */
    @WithDefault("https://ikd.dukcapil.go.id")
    String issuer();

    /** Where the suite's public key lives, to verify counter codes and portal sessions. */
    @WithDefault("${mp.jwt.verify.publickey.location}")
    String publicKeyLocation();

    /** Zone of the suite's own clock (e.g. the API's default dates); offices count in their own zone (office.time_zone). */
    @WithDefault("Asia/Jakarta")
    ZoneId zone();

    Demo demo();

    Sessions sessions();

    Passwords passwords();

    Cases cases();

    Portal portal();

    Directory directory();

    Prints prints();

    ReceiptCheck receiptCheck();

    Counter counter();

    Complaints complaints();

    Events events();

    /** The contract version of the decision verification-service publishes (VerificationDecided). */
    enum EventVersion {
        /** with the citizen's email, phone and language and every registry attribute; every consumer of every release reads it */
        V1,
        /** without contact, with only the attributes activation-service needs; needs consumers of this release */
        V2,
        /**
         * {@code .v3} without attributes or device key for every reader, and an approval's
         * {@code verification.card-approved.v1} on ikd.verification.card, which only
         * activation-service reads; complaints as {@code verification.complaint-updated.v2} on
         * ikd.verification.complaint, which only notification-service reads; needs consumers of
         * this release
         */
        V3
    }

    interface Events {
        /**
         * {@code v1} until every consumer runs a release that reads {@code verification.decided.v3}
         * and {@code verification.card-approved.v1} (docs/operations.md, Upgrade), then {@code v3}
         * ({@code v2} where a consumer still runs the release before; ikd.verification.events.version).
         */
        @WithDefault("v1")
        EventVersion version();

        /**
         * With {@code v2} or {@code v3}: the decisions of registrations submitted before this instant stay
         * {@code v1}, since notification-service may have no recipient for them (a rejection's
         * message would be dead-lettered until replayed; ikd.verification.events.v2-submitted-after).
         */
        Optional<Instant> v2SubmittedAfter();
    }

    interface Demo {
        /** Seeds the synthetic population, the demo office and the demo accounts at start. Off in production. */
        @WithDefault("true")
        boolean enabled();

        /** Size of the synthetic population (the documented demo residents come on top). */
        @WithDefault("10000")
        int population();

        /** Seed of the generator: the same seed always gives the same residents. */
        @WithDefault("20261122")
        long seed();

        /** Password of every demo account (documented in OPERATIONS.md). */
        @WithDefault("Demo-IKD-2026!")
        String password();
    }

    interface Sessions {
        /** Lifetime of an operator token; the suite allows 8 hours at most. */
        @WithDefault("8h")
        Duration lifetime();

        /** Failed logins in a row that lock an account. */
        @WithDefault("5")
        int maxFailures();

        /** How long a locked account stays locked. */
        @WithDefault("15m")
        Duration lockout();
    }

    interface Passwords {
        /** Argon2id memory in KiB (OWASP minimum 19 MiB). */
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();
    }

    interface Cases {
        /** Queue of cases whose NIK no office covers; any office may still take them by code. */
        @WithDefault("DITJEN-DUKCAPIL")
        String fallbackOffice();

        /** Office of the central verifiers (Ditjen Dukcapil), who review CENTRAL offices' submissions. */
        @WithDefault("DITJEN-DUKCAPIL")
        String centralOffice();
    }

    interface Directory {
        /** Requests per client address and window to the public office directory (page and API). */
        @WithDefault("120")
        int requestsPerAddress();

        @WithDefault("1m")
        Duration window();

        /** Most offices one search answers with. */
        @WithDefault("50")
        int maxResults();
    }

    /** The office's printed documents: request form, receipt (tanda terima), buku pelayanan. */
    interface Prints {
        /** Where citizens reach this service's public pages: the receipt names its check page under it. */
        @WithDefault("http://localhost:8082")
        String publicUrl();

        /** Most rows one register export (CSV, PDF) holds; a larger range is refused, to be narrowed. */
        @WithDefault("3000")
        int maxRegisterRows();
    }

    /** The public check of a receipt's reference (no login), limited per client address. */
    interface ReceiptCheck {
        @WithDefault("30")
        int requestsPerAddress();

        @WithDefault("1m")
        Duration window();
    }

    /** Remedies at the counter (issue 17, item 7): NIK searches and contact corrections, limited per operator. */
    interface Counter {
        /** NIK searches one operator may run per window. */
        @WithDefault("30")
        int searchesPerOperator();

        @WithDefault("15m")
        Duration searchWindow();

        /** Contact corrections one operator may record per window. */
        @WithDefault("20")
        int correctionsPerOperator();

        /** Contact corrections of one case per window (a citizen whose contact keeps changing is suspicious). */
        @WithDefault("3")
        int correctionsPerCase();

        @WithDefault("1h")
        Duration correctionWindow();
    }

    /** Complaints (pengaduan): filed without login, with a captcha, limited per client address. */
    interface Complaints {
        /** HMAC key of the complaint form's captcha (at least 32 characters; a secret of its own). */
        String captchaKey();

        /** Upper bound of the proof-of-work search; the browser needs about half of it on average. */
        @WithDefault("100000")
        int captchaMaxNumber();

        @WithDefault("PT10M")
        Duration captchaValidity();

        /** Complaints one client address may file per window. */
        @WithDefault("5")
        int requestsPerAddress();

        @WithDefault("15m")
        Duration window();

        /** The response standard: working days (office calendar) from filing to the answer. */
        @WithDefault("5")
        int responseDays();
    }

    interface Portal {
        /** Marks the portal session cookie Secure; on wherever the portal is served over HTTPS. */
        @WithDefault("false")
        boolean secureCookie();
    }
}
