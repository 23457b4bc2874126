package org.isoband.core.coach;

import java.util.Locale;

/** Which leg the band is under. */
public enum Leg {
    RIGHT, LEFT;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT) + " leg";
    }

    /** Lower-case name for messages and storage. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
