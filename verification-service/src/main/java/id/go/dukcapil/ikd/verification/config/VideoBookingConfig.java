package id.go.dukcapil.ikd.verification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Booking a video call: how far ahead a citizen sees slots, and when a booked citizen counts as a no-show. */
@ConfigMapping(prefix = "ikd.video-booking")
public interface VideoBookingConfig {

    /** Working days with free slots offered when the page asks for none in particular. */
    @WithDefault("5")
    int daysAhead();

    /** The most working days a citizen may ask to see (each is a scan of the office's bookings). */
    @WithDefault("14")
    int maxDaysAhead();

    /**
     * A booked citizen who has not asked for the call this long after the slot's start is a no-show: the
     * booking ends NO_SHOW (the case stays in the queue, and they may book again).
     */
    @WithDefault("PT15M")
    Duration noShowAfter();

    /** How early before the slot asking for the call counts as coming to it. */
    @WithDefault("PT15M")
    Duration earlyJoin();
}
