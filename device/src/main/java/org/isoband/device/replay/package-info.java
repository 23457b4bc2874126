/** Recorded sessions played back as a sample source, for demos, tests and re-analysis. */
package org.isoband.device.replay;
