package id.go.dukcapil.ikd.web;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/**
 * The one clock every rule reads (expiry, lockout, service-level timers): injectable, so that a
 * test replaces it with one it can move across a boundary.
 */
public class SystemClock {

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
