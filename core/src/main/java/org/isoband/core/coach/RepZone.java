package org.isoband.core.coach;

/**
 * How a rep went against its force zone: its own figure beside the verdict, which stays steady/moved/short.
 *
 * @param zone          the zone the rep aimed for (with the maximum it came from)
 * @param timeInZoneS   seconds the tension was inside the zone during the contraction
 * @param meanPctOfMax  the rep's mean tension over its steady stretch, % of the maximum (NaN when unknown)
 */
public record RepZone(ForceZone zone, double timeInZoneS, double meanPctOfMax) {
}
