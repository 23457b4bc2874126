package org.isoband.gateway.mqtt;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.isoband.core.message.ForceBatch;

/**
 * The force for Home Assistant: the mean of the samples of each second, on its own topic
 * ({@code <band>/force_1s}). Home Assistant's recorder writes a state row for every changed value, so the
 * full-rate stream (10 batches a second, for the dashboard's live chart) would write up to 36,000 rows an
 * hour per band; one mean a second writes at most 3,600, and none while the band rests (no samples, no mean).
 * Fed with the batches the force stream already drains; used on the publisher's thread only.
 */
final class ForceMean {
    /** One second's mean. */
    record Mean(String band, Instant at, double meanN, int samples) {
        String toJson() {
            return String.format(Locale.ROOT, "{\"schema\":1,\"band\":\"%s\",\"at\":\"%s\",\"mean_n\":%.2f,\"samples\":%d}",
                    band, at, meanN, samples);
        }
    }

    private final String band;
    private final long periodNanos;
    private long windowStart = Long.MIN_VALUE;
    private double sum;
    private int count;
    private Instant newest;

    ForceMean(String band, long periodNanos) {
        this.band = band;
        this.periodNanos = periodNanos;
    }

    /** Adds a drained batch's samples, the batch being taken at {@code nowNanos}. */
    void add(ForceBatch batch, long nowNanos) {
        if (windowStart == Long.MIN_VALUE) {
            windowStart = nowNanos;
        }
        for (double n : batch.newtons()) {
            if (Double.isFinite(n)) {
                sum += n;
                count++;
            }
        }
        if (batch.newtons().length > 0) {
            double lastMs = batch.offsetsMs()[batch.offsetsMs().length - 1];
            newest = batch.start().plusNanos(Math.round(lastMs * 1e6)).truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /** The mean of the window once it is {@code periodNanos} old and holds samples, then a new window; else null. */
    Mean due(long nowNanos) {
        if (windowStart == Long.MIN_VALUE || nowNanos - windowStart < periodNanos) {
            return null;
        }
        Mean mean = count == 0 ? null : new Mean(band, newest, sum / count, count);
        windowStart = count == 0 ? Long.MIN_VALUE : nowNanos;
        sum = 0;
        count = 0;
        return mean;
    }
}
