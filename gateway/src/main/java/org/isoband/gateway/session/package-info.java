/**
 * A training session on the gateway: the journal that saves where the athlete is (for resume after a crash),
 * and the loop that wires the sensor, detector, coach, display, GPIO and MQTT together.
 */
package org.isoband.gateway.session;
