package id.go.dukcapil.ikd.load;

import java.time.Duration;

/**
 * Where the suite is and how hard to push it, from system properties ({@code -Dname=value} on the
 * Maven command line). The defaults are {@code ./ikd up}'s ports; against the HA gateway, point
 * the five base URLs at it.
 */
public final class LoadSettings {

    public final String registration = url("ikd.registration.url", "http://127.0.0.1:8081");
    public final String verification = url("ikd.verification.url", "http://127.0.0.1:8082");
    public final String activation = url("ikd.activation.url", "http://127.0.0.1:8083");
    public final String token = url("ikd.token.url", "http://127.0.0.1:8084");
    public final String mailInbox = url("ikd.mail.url", "http://127.0.0.1:8025");
    public final String kafka = System.getProperty("ikd.kafka.bootstrap", "127.0.0.1:19092");
    /** The verification database, to pick residents the registry holds (approvable NIKs). */
    public final String verificationJdbc = System.getProperty("ikd.verification.jdbc",
            "jdbc:postgresql://127.0.0.1:54320/verification");
    public final String databaseUser = System.getProperty("ikd.db.user", "postgres");
    public final String databasePassword = System.getProperty("ikd.db.password", "postgres");
    public final String adminUser = System.getProperty("ikd.admin.user", "admin");
    public final String adminPassword = System.getProperty("ikd.admin.password", "Demo-IKD-2026!");

    /** Arrivals per second of the measured scenario (registrations, counter visits, journeys …). */
    public final double rate = Double.parseDouble(System.getProperty("rate", "10"));
    /** Length of the measured phase. */
    public final Duration duration = Duration.ofSeconds(Long.parseLong(System.getProperty("duration", "30")));
    /**
     * A phase before the measured one at the same rate, whose timings are dropped: long enough for
     * the JIT to compile the measured paths (after 15 s the app's CPU per request was still twice
     * its warm figure).
     */
    public final Duration warmUp = Duration.ofSeconds(Long.parseLong(System.getProperty("warmup", "60")));
    /** Counter operators signed in at once (created through the admin API when missing). */
    public final int operators = Integer.parseInt(System.getProperty("operators", "16"));
    /** Virtual users in a closed loop (app sessions, PIN proofs, mints, verifications). */
    public final int concurrency = Integer.parseInt(System.getProperty("concurrency", "8"));
    /** Registrations in the burst (each makes at least two events: submitted, then the case). */
    public final int burst = Integer.parseInt(System.getProperty("burst", "5000"));

    private static String url(String name, String fallback) {
        return System.getProperty(name, fallback).replaceAll("/+$", "");
    }
}
