/**
 * Force recordings as text: the CSV format that {@code isoband analyze}, replay and record share.
 * Parsing only; the caller opens the file.
 */
package org.isoband.core.trace;
