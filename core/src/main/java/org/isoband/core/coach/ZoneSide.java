package org.isoband.core.coach;

/** Where the live tension is relative to the target zone. */
public enum ZoneSide {
    BELOW, IN, ABOVE,
    /** No tension yet, or no zone. */
    UNKNOWN
}
