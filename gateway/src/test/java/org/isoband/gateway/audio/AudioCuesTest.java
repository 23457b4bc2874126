package org.isoband.gateway.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.isoband.core.coach.Cue;
import org.isoband.core.coach.CueKind;
import org.junit.jupiter.api.Test;

class AudioCuesTest {

    /** Upward zero crossings of 16-bit PCM, and how many samples are not silent. */
    private static int[] crossingsAndSound(byte[] pcm) {
        ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        int crossings = 0;
        int sound = 0;
        short last = 0;
        while (b.remaining() >= 2) {
            short s = b.getShort();
            if (last < 0 && s >= 0) {
                crossings++;
            }
            sound += Math.abs(s) > 200 ? 1 : 0;
            last = s;
        }
        return new int[] {crossings, sound};
    }

    @Test
    void theTargetIsTwoBrightBeepsAndStopThreeLowOnes() {
        Tone target = Tone.of(CueKind.TARGET_REACHED).orElseThrow();
        Tone stop = Tone.of(CueKind.STOP).orElseThrow();

        byte[] pcm = target.pcm(0.6);
        // Two 140 ms beeps and the gap between: 420 ms of samples, about 280 ms of them sounding.
        assertThat(pcm.length / 2).isEqualTo((int) (Tone.SAMPLE_RATE * 0.14) * 3);
        int[] t = crossingsAndSound(pcm);
        assertThat(t[0]).as("cycles of 1320 Hz in 280 ms").isBetween(360, 380);
        int[] s = crossingsAndSound(stop.pcm(0.6));
        assertThat(s[0]).as("cycles of 440 Hz in 3 x 160 ms").isBetween(205, 215);
        assertThat(stop.beeps()).isEqualTo(3);
    }

    @Test
    void startTargetStopAndTheEndOfARestHaveTonesOtherCuesDoNot() {
        assertThat(Tone.of(CueKind.HOLD_STARTED)).isPresent();
        assertThat(Tone.of(CueKind.GET_READY)).isPresent();
        assertThat(Tone.of(CueKind.BREATHE)).isEmpty();
        assertThat(Tone.of(CueKind.REST)).isEmpty();
    }

    @Test
    void withoutASoundDeviceTheCoachGoesOnSilently() {
        // On CI there is no sound card: start() must not throw, and cues are then dropped quietly.
        try (AudioCues audio = new AudioCues(AudioCues.Mode.VOICE)) {
            audio.start();
            audio.cue(new Cue(CueKind.TARGET_REACHED, "6 s: target reached", 0));
            assertThat(audio.describe()).matches("tones.*|no sound device.*|voice.*");
        }
        try (AudioCues off = new AudioCues(AudioCues.Mode.OFF)) {
            off.start();
            off.cue(new Cue(CueKind.STOP, "Stop", 0));
            assertThat(off.describe()).isEqualTo("off");
        }
    }

    @Test
    void theVoiceSaysShortWordsDuringTheHold() {
        assertThat(Spoken.words(new Cue(CueKind.HOLD_STARTED, "Hold: keep the band still", 0))).isEqualTo("Hold");
        assertThat(Spoken.words(new Cue(CueKind.REP_FAILED, "Leg moved: try again", 0))).isEqualTo("Leg moved: try again");
        assertThat(Spoken.words(new Cue(CueKind.BREATHE, "Breathe out slowly", 0))).isNull();
    }

    @Test
    void theForceZoneIsSaidInShortWordsAndLongLowTonesAndTheMaximumTestInTheCoachsSentences() {
        assertThat(Spoken.words(new Cue(CueKind.HARDER, "A little harder: 180 N-240 N", 0))).isEqualTo("A little harder");
        assertThat(Spoken.words(new Cue(CueKind.EASE_OFF, "Ease off a little: 180 N-240 N", 0))).isEqualTo("Ease off");
        assertThat(Spoken.words(new Cue(CueKind.MAX_RESULT, "Maximum: 330 N", 0))).isEqualTo("Maximum: 330 N");
        assertThat(Tone.of(CueKind.HARDER)).isPresent().get().isNotEqualTo(Tone.of(CueKind.EASE_OFF).orElseThrow());
        assertThat(Tone.of(CueKind.HARDER).orElseThrow().pcm(0.6).length)
                .as("longer than the hold's beeps").isGreaterThan(Tone.of(CueKind.HOLD_STARTED).orElseThrow().pcm(0.6).length);
    }
}
