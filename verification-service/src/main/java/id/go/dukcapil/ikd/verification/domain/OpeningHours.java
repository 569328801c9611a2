package id.go.dukcapil.ikd.verification.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One span of an office's service hours on a day of the week, in the office's local time. */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
}
