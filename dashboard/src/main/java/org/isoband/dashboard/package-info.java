/**
 * The home dashboard: subscribes to the gateways' MQTT topics, stores rep history and serves the web UI.
 * Being built (issue "The home dashboard").
 */
package org.isoband.dashboard;
