package org.isoband.core.detect;

/**
 * What a reading's time says, in the order readings arrive: in order, a repeat, a packet late by a moment,
 * a single absurd time just before it, or a clock that went back (a new segment). A reading a moment
 * behind is kept aside until the next one tells whether it was late (dropped) or the first of a restarted
 * clock (kept): nothing after a restart is lost.
 */
final class ReadingOrder {
    /** What to do with a reading. */
    enum Order {
        /** After the last one: take it. */
        IN_ORDER,
        /** The same time again: the same sample twice; drop it. */
        REPEATED,
        /** A moment behind: kept aside, counted as dropped unless the next one shows a restart. */
        KEPT_ASIDE,
        /** The reading held before it had an absurd time ahead: drop that one, take this. */
        HELD_ONE_OUT_OF_LINE,
        /** The clock went back: a new segment starts with this reading. */
        RESTART,
        /** The clock went back at the reading kept aside: a new segment starts with it, then this one. */
        RESTART_AT_KEPT
    }

    private double lastT = Double.NEGATIVE_INFINITY;
    private boolean hasKept;
    private double keptT;
    private double keptX;

    /**
     * @param heldT   time of the reading the wild-sample filter holds, NaN if none
     * @param takenT  time of the last reading taken in (released by the filter)
     * @param maxGapS how far "a moment" and "absurd" reach
     */
    Order classify(double t, double x, double heldT, double takenT, double maxGapS) {
        if (t > lastT) {
            hasKept = false;
            lastT = t;
            return Order.IN_ORDER;
        }
        if (t == lastT) {
            return Order.REPEATED;
        }
        if (!Double.isNaN(heldT) && t > takenT && heldT - t > maxGapS) {
            lastT = t;
            hasKept = false;
            return Order.HELD_ONE_OUT_OF_LINE;
        }
        boolean slightly = lastT - t <= maxGapS;
        if (slightly && !(hasKept && t > keptT)) {
            hasKept = true;
            keptT = t;
            keptX = x;
            return Order.KEPT_ASIDE;
        }
        Order order = slightly ? Order.RESTART_AT_KEPT : Order.RESTART;
        hasKept = false;
        lastT = t;
        return order;
    }

    double keptT() {
        return keptT;
    }

    double keptX() {
        return keptX;
    }
}
