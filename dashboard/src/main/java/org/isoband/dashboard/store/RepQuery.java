package org.isoband.dashboard.store;

import java.time.Instant;

/**
 * Which reps to read; every filter is optional (null: any).
 *
 * @param gateway only this gateway
 * @param band    only this band
 * @param leg     {@code right} or {@code left}
 * @param from    reps that started at or after this instant
 * @param to      reps that started before this instant
 * @param limit   at most this many, oldest first (0: no limit)
 */
public record RepQuery(String gateway, String band, String leg, Instant from, Instant to, int limit) {

    public static final RepQuery ALL = new RepQuery(null, null, null, null, null, 0);

    public RepQuery {
        if (leg != null && !leg.equals("right") && !leg.equals("left")) {
            throw new IllegalArgumentException("leg must be right or left, got \"" + leg + "\"");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public RepQuery between(Instant newFrom, Instant newTo) {
        return new RepQuery(gateway, band, leg, newFrom, newTo, limit);
    }
}
