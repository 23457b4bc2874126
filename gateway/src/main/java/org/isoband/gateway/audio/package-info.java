/**
 * The coach's sounds through the Pi's own audio (ALSA via javax.sound.sampled): generated tones for the
 * cues the athlete must hear with their eyes on the ceiling, and spoken cues through espeak-ng where it is
 * installed. Fails soft: no sound device, no sound, and the session goes on.
 */
package org.isoband.gateway.audio;
