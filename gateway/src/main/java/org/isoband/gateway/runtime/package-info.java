/**
 * The running gateway: the sample source the configuration names, and the parts around the session (MQTT,
 * cue log) that the commands start and stop.
 */
package org.isoband.gateway.runtime;
