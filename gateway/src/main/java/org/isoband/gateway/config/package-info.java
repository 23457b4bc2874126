/**
 * The configuration file: YAML read into {@link org.isoband.gateway.config.GatewayConfig}, with every
 * problem reported by file, line and key.
 */
package org.isoband.gateway.config;
