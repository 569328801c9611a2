package id.go.dukcapil.ikd.campaign;

import java.time.Duration;

/**
 * How big a campaign is. {@link #SHORT} runs in {@code ./mvnw verify} (a few dozen journeys per
 * fault, the five service kills in one round, SMTP down 20 s); {@link #FULL} is the run whose
 * figures docs/reliability.md shows (150 journeys per fault, one round per killed service, SMTP
 * down 2 min).
 */
record CampaignSettings(String name, int journeysPerFault, boolean roundPerKilledService, Duration brokerOutage,
        Duration databaseOutage, Duration mailOutage, FaultRound.Pace pace) {

    static final CampaignSettings SHORT = new CampaignSettings("short", 24, false, Duration.ofSeconds(20),
            Duration.ofSeconds(15), Duration.ofSeconds(20),
            new FaultRound.Pace(Duration.ofSeconds(8), Duration.ofSeconds(6), Duration.ofSeconds(180),
                    Duration.ofSeconds(120)));

    static final CampaignSettings FULL = new CampaignSettings("full", 150, true, Duration.ofSeconds(30),
            Duration.ofSeconds(20), Duration.ofSeconds(120),
            new FaultRound.Pace(Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofSeconds(300),
                    Duration.ofSeconds(240)));

    /** {@code short}, {@code full}, or {@code medium:N} (the full run's faults with N journeys per fault). */
    static CampaignSettings named(String name) {
        if (name == null || name.isBlank() || name.equals("short")) {
            return SHORT;
        }
        if (name.equals("full")) {
            return FULL;
        }
        if (name.startsWith("medium:")) {
            int journeys = Integer.parseInt(name.substring("medium:".length()));
            return new CampaignSettings(name, journeys, FULL.roundPerKilledService(), FULL.brokerOutage(),
                    FULL.databaseOutage(), FULL.mailOutage(), FULL.pace());
        }
        throw new IllegalArgumentException("campaign must be short, full or medium:N, not " + name);
    }
}
