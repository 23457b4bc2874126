/**
 * Force units for people: newtons, kilograms or pounds of force, and force relative to body weight. Every
 * message and stored value is in newtons; conversion happens only where a person reads a figure (the Pi's
 * screen, the dashboard, CSV and {@code analyze} output columns).
 */
package org.isoband.core.unit;
