package org.isoband.core.detect;

/**
 * {@link SampleBuffer#seqAtOrAfter} for a time that mostly moves forward (a fixed lag behind the newest
 * sample): it walks on from its last answer, one or two samples a call, instead of a binary search every
 * sample. The answer is always the binary search's; a time that went back, or a buffer cleared since, is
 * searched afresh.
 */
final class TimeCursor {
    private final SampleBuffer buffer;
    private long seq;

    TimeCursor(SampleBuffer buffer) {
        this.buffer = buffer;
    }

    /** First sequence number whose time is at or after {@code time}. */
    long seqAtOrAfter(double time) {
        long q = seq;
        if (q < buffer.first() || q > buffer.end() || (q > buffer.first() && buffer.t(q - 1) >= time)) {
            q = buffer.seqAtOrAfter(time);
        } else {
            while (q < buffer.end() && buffer.t(q) < time) {
                q++;
            }
        }
        seq = q;
        return q;
    }
}
