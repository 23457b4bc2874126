package org.isoband.device.gpio;

/** Why a raw reading is not passed on as force; {@link #GOOD} when it is. */
public enum ReadingFlag {
    GOOD("good"),
    /** The ADC reported its limit (HX711 0x7FFFFF / 0x800000, ADS1115 0x7FFF / 0x8000): overloaded or miswired. */
    SATURATED("saturated"),
    /** The same raw value many times in a row: a dead chip or a broken data wire, not a band. */
    STUCK("stuck"),
    /** A clock pulse was held high too long (GC pause, preemption): the bits may be wrong. HX711 only. */
    CLOCK_STRETCHED("clock pulse stretched"),
    /** Taken within the settling time after a reset or gain change: not yet valid. HX711 only. */
    SETTLING("settling after reset");

    private final String words;

    ReadingFlag(String words) {
        this.words = words;
    }

    /** For log lines and link-state details. */
    public String words() {
        return words;
    }
}
