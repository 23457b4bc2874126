/**
 * Offline analysis of recordings: runs a CSV trace through the hold detector and collects the reps, for
 * {@code isoband analyze}, its plot and its summary.
 */
package org.isoband.gateway.analyze;
