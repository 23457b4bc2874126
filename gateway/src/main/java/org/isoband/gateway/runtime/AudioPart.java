package org.isoband.gateway.runtime;

import java.util.Optional;
import org.isoband.gateway.audio.AudioCues;
import org.isoband.gateway.config.GatewayConfig;

/**
 * The coach's sounds through the Pi's own audio ({@code audio: tones | voice}). Optional: with no sound device
 * the session goes on silent (AudioCues says so once); {@code audio: off} creates no part at all.
 */
final class AudioPart implements Part {
    private final AudioCues cues;

    private AudioPart(AudioCues.Mode mode) {
        this.cues = new AudioCues(mode);
    }

    static Optional<AudioPart> of(GatewayConfig.Audio audio) {
        return switch (audio) {
            case TONES -> Optional.of(new AudioPart(AudioCues.Mode.TONES));
            case VOICE -> Optional.of(new AudioPart(AudioCues.Mode.VOICE));
            case OFF -> Optional.empty();
        };
    }

    @Override
    public String name() {
        return "audio cues";
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public void start(PartContext context) {
        cues.start();
        context.listen(cues);
    }

    /** "tones", "tones and voice", "no sound device (...)". */
    String describe() {
        return cues.describe();
    }

    @Override
    public void stop() {
        cues.close();
    }
}
