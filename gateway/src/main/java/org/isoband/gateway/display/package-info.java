/**
 * The athlete's screen: one Java2D renderer of the coach's view ({@link org.isoband.gateway.display.CoachScreen}),
 * the screen's own page with the dashboard's QR code ({@link org.isoband.gateway.display.DashboardPage}), and the
 * outputs that show them (a Swing window, the Linux framebuffer, PNG snapshots, a terminal view).
 */
package org.isoband.gateway.display;
