/**
 * How the project waits before trying again: {@link org.isoband.core.retry.Backoff}, the one reconnection
 * policy of the gateway's MQTT link, the dashboard's MQTT client and (at merge) the BLE link. It lives in core
 * because every module that reconnects depends on core; it only computes delays, it never sleeps.
 */
package org.isoband.core.retry;
