package id.go.dukcapil.ikd.events;

/** How a notification reached (or failed to reach) the citizen. */
public enum NotificationChannel {
    EMAIL,
    SMS
}
