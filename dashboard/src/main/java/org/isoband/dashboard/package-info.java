/**
 * The home dashboard: subscribes to the gateways' MQTT topics, stores the rep history and serves the web UI.
 * {@link org.isoband.dashboard.Dashboard#start} wires the parts ({@code ingest}, {@code store}, {@code web}) from
 * {@link org.isoband.dashboard.DashboardSettings} and returns a {@link org.isoband.dashboard.RunningDashboard};
 * {@code isoband dashboard} and {@code isoband demo} start it that way.
 */
package org.isoband.dashboard;
