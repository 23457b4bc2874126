package org.isoband.core.message;

/** The two legs of the plan as written in messages; null when the gateway does not follow a plan. */
final class Legs {
    private Legs() {
    }

    static boolean valid(String leg) {
        return leg == null || leg.equals("right") || leg.equals("left");
    }

    static void check(String leg) {
        if (!valid(leg)) {
            throw new IllegalArgumentException("leg must be \"right\", \"left\" or null, got \"" + leg + "\"");
        }
    }
}
