/**
 * TLS from the PEM files home brokers use ({@link org.isoband.core.tls.PemTls}): shared by the gateway's
 * publisher and the dashboard's subscriber so both read the same {@code mqtt.*} TLS settings the same way.
 * It reads files (the one exception to core's no-I/O rule, for a few PEM files at startup).
 */
package org.isoband.core.tls;
