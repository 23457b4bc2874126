package org.isoband.device.ble;

import java.util.Optional;

/**
 * Gauges that {@code isoband scan} recognises but the gateway cannot read as force, with the reason, so that an
 * owner learns why rather than seeing nothing. Their protocols are public (Grip Connect documents both).
 */
public enum UnsupportedGauge {
    /**
     * Frez Dyno: streams signed raw ADC counts (250 Hz); newtons need a per-device coefficient that Frez hands out
     * only through its online API with a developer access key, which a Pi without internet access cannot ask.
     */
    FREZ_DYNO("frez-dyno", "streams raw ADC counts; newtons need the per-device coefficient from Frez's online API"),
    /** NSD PB-700BT: a gyroscopic hand exerciser (powerball); it streams the rotor's speed, not a force. */
    PB_700BT("pb-700bt", "a gyroscopic exerciser: it streams rotor speed (rpm), not force");

    /** The Frez Dyno's advertised names start with this (Grip Connect's filter). */
    static final String FREZ_DYNO_NAME_PREFIX = "FrezDyno-";
    /** The PB-700BT's advertised name (Grip Connect's filter). */
    static final String PB_700BT_NAME = "NSD Workout";

    private final String cliName;
    private final String why;

    UnsupportedGauge(String cliName, String why) {
        this.cliName = cliName;
        this.why = why;
    }

    public String cliName() {
        return cliName;
    }

    /** Why the gateway does not read it, in a few words. */
    public String why() {
        return why;
    }

    public static Optional<UnsupportedGauge> recognise(Advertisement ad) {
        if (ad.name().startsWith(FREZ_DYNO_NAME_PREFIX)) {
            return Optional.of(FREZ_DYNO);
        }
        if (ad.name().equals(PB_700BT_NAME)) {
            return Optional.of(PB_700BT);
        }
        return Optional.empty();
    }
}
