package org.isoband.core.coach;

import org.isoband.core.unit.ForceUnit;

/**
 * The strength side of the screen at one moment.
 *
 * @param testing true during a maximum test (the coach view then shows pulls, not reps)
 * @param zone    the target zone of the position in hand, or null (no maximum yet, or during the test)
 * @param side    where the live tension was at the last tick
 * @param unit    the unit figures are shown in
 */
public record StrengthView(boolean testing, ForceZone zone, ZoneSide side, ForceUnit unit) {
}
