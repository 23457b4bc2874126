/**
 * The athlete's screen: one Java2D renderer of the coach's view ({@link org.isoband.gateway.display.CoachScreen})
 * and the outputs that show it (a Swing window, the Linux framebuffer, PNG snapshots, a terminal view).
 */
package org.isoband.gateway.display;
