package id.go.dukcapil.ikd.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tuning of the outbox relay and of consumers; the defaults suit one Dukcapil deployment. */
@ConfigMapping(prefix = "ikd.messaging")
public interface MessagingConfig {

    /** CloudEvents {@code source} of this service's events, e.g. {@code /ikd/registration-service}. */
    @WithDefault("/ikd/${quarkus.application.name}")
    String source();

    /**
     * Kafka consumers per incoming channel in this replica, each with its own partitions (order
     * per key kept). The services' {@code mp.messaging.incoming.<channel>.concurrency} read it;
     * its default is in this library's microprofile-config.properties (1 under the test profile).
     */
    int consumerConcurrency();

    Outbox outbox();

    Consumer consumer();

    Idempotency idempotency();

    interface Idempotency {
        /**
         * How long the answer to a request with an Idempotency-Key is kept: a client's retries
         * and the gateway's come within minutes; a day covers an app that was offline meanwhile.
         */
        @WithDefault("P1D")
        Duration retention();
    }

    interface Outbox {
        /** Whether this replica relays at all (several may; they take turns under an advisory lock). */
        @WithDefault("true")
        boolean relayEnabled();

        /** How often the relay looks for new events (the scheduler reads it as ikd.messaging.outbox.poll-interval). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Delay of the first periodic round after start-up (ikd.messaging.outbox.poll-delay). */
        @WithDefault("1s")
        Duration pollDelay();

        /** Most events published in one relay round. */
        @WithDefault("200")
        int batchSize();

        /** How long published events are kept for inspection before they are deleted. */
        @WithDefault("P7D")
        Duration retention();

        /**
         * The health group {@code messaging} reports DOWN when the oldest unpublished event has
         * waited longer than this (Kafka unreachable, relay stuck). Not part of readiness.
         */
        @WithDefault("60s")
        Duration backlogAlarm();
    }

    interface Consumer {
        /** Retries of a failing event in place before it goes to the dead-letter topic. */
        @WithDefault("4")
        int maxRetries();

        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("5s")
        Duration maxBackoff();

        /**
         * How long an event waits, retried in place, for one it needs from another topic
         * ({@link AwaitedEventException}) before it goes to the dead-letter topic: long enough for a
         * lagging or replaying consumer of that topic to catch up, short enough that its partition
         * is not held up for long.
         */
        @WithDefault("2m")
        Duration awaitOtherEvent();

        /** How long processed event ids are remembered; longer than any redelivery can come late. */
        @WithDefault("P30D")
        Duration inboxRetention();
    }
}
