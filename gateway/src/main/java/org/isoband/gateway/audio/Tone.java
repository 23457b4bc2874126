package org.isoband.gateway.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.isoband.core.coach.CueKind;

/**
 * The tone of each cue that has one, as beeps of a pitch: rising for start, a bright double for the target,
 * a low triple for stop, a soft single when the rest is over. Rendered as 16-bit mono PCM with a short fade
 * in and out (a hard edge clicks).
 *
 * @param hz     pitch
 * @param beeps  how many
 * @param millis length of each beep, and of each gap
 */
public record Tone(double hz, int beeps, int millis) {
    public static final float SAMPLE_RATE = 22_050f;

    /** The tone for a cue, if it has one. */
    public static java.util.Optional<Tone> of(CueKind kind) {
        return java.util.Optional.ofNullable(switch (kind) {
            case HOLD_STARTED -> new Tone(880, 1, 180);
            case TARGET_REACHED -> new Tone(1320, 2, 140);
            case STOP -> new Tone(440, 3, 160);
            case GET_READY -> new Tone(660, 1, 120);
            // the force zone: long low tones, apart from the hold's short high beeps (one: harder, two: ease off)
            case HARDER -> new Tone(330, 1, 450);
            case EASE_OFF -> new Tone(330, 2, 300);
            default -> null;
        });
    }

    /** The PCM samples: beeps separated by silences of the same length, little endian. */
    public byte[] pcm(double volume) {
        int perBeep = (int) (SAMPLE_RATE * millis / 1000);
        int total = perBeep * (2 * beeps - 1);
        ByteBuffer out = ByteBuffer.allocate(total * 2).order(ByteOrder.LITTLE_ENDIAN);
        int fade = Math.min(perBeep / 4, (int) (SAMPLE_RATE * 0.008));
        for (int i = 0; i < total; i++) {
            int inBeep = i % (2 * perBeep);
            double v = 0;
            if (inBeep < perBeep) {
                double envelope = Math.min(1, Math.min(inBeep, perBeep - 1 - inBeep) / (double) Math.max(1, fade));
                v = Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE) * envelope * volume;
            }
            out.putShort((short) Math.round(v * Short.MAX_VALUE));
        }
        return out.array();
    }
}
