package org.isoband.gateway.plot;

import java.awt.Color;
import org.isoband.core.detect.Verdict;

/** One colour per verdict, from the Okabe-Ito palette so that colour-blind athletes can tell them apart. */
public final class VerdictColors {
    private VerdictColors() {
    }

    public static Color of(Verdict verdict) {
        return switch (verdict) {
            case HELD -> new Color(0x00, 0x9E, 0x73);
            case SHORT -> new Color(0xE6, 0x9F, 0x00);
            case MOVED -> new Color(0xD5, 0x5E, 0x00);
            case UNSTEADY -> new Color(0xCC, 0x79, 0xA7);
            case INTERRUPTED -> new Color(0x99, 0x99, 0x99);
        };
    }
}
