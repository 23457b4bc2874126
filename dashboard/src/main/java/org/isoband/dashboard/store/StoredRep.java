package org.isoband.dashboard.store;

import java.util.Objects;
import org.isoband.core.message.RepMessage;

/**
 * A rep as the dashboard keeps it.
 *
 * @param rep      the rep event as published
 * @param hasCurve whether its force curve was seen live and stored
 */
public record StoredRep(RepMessage rep, boolean hasCurve) {
    public StoredRep {
        Objects.requireNonNull(rep, "rep");
    }
}
