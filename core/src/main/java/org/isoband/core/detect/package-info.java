/**
 * Hold detection: the streaming state machine that turns force samples into contractions, judges each
 * one (HELD, SHORT, MOVED, UNSTEADY) and times its steady stretch. Pure logic, fed one sample at a time,
 * no threads and no I/O; see {@link org.isoband.core.detect.HoldDetector} for the method.
 */
package org.isoband.core.detect;
