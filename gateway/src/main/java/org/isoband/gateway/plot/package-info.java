/** Pictures of recordings: force traces with their reps, drawn with Java2D into PNG files. */
package org.isoband.gateway.plot;
