/**
 * The running gateway: {@link org.isoband.gateway.runtime.Gateway}, built from the configuration, owns the
 * source, the journal and the session; the {@link org.isoband.gateway.runtime.Part}s around it (MQTT, the
 * screen, the buzzer and LED, logs) start in order and stop in reverse; one
 * {@link org.isoband.gateway.runtime.Shutdown} ends it all.
 */
package org.isoband.gateway.runtime;
