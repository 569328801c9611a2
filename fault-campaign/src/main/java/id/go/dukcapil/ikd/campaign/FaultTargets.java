package id.go.dukcapil.ikd.campaign;

import id.go.dukcapil.ikd.local.suite.SuiteService;

/**
 * The parts of a suite the campaign breaks and repairs. Each call returns once the part is down,
 * or up and serving again.
 */
public interface FaultTargets {

    /** SIGKILL a Kafka broker (in a multi-broker topology: one of them). */
    void killBroker();

    /** Start that broker again on its data; returns once it answers. */
    void startBroker();

    /** PostgreSQL stopped as in a crash ({@code pg_ctl stop -m immediate}). */
    void stopDatabaseImmediately();

    /** PostgreSQL started again on the same data and port, committing durably. */
    void startDatabase();

    /** The SMTP server refuses connections. */
    void refuseMail();

    void acceptMail();

    /** SIGKILL one process of {@code service} (in a multi-replica topology: one replica); the supervisor restarts it. */
    void killService(SuiteService service);

    /** True when every process of {@code service} answers ready again. */
    boolean serviceReady(SuiteService service);

    /**
     * Stops every service process, runs {@code whileStopped} (no consumer group then has a member),
     * starts them all again and returns once they are ready.
     */
    void withServicesStopped(Runnable whileStopped);
}
