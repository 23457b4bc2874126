package org.isoband.gateway.audio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.isoband.core.coach.Cue;
import org.isoband.gateway.session.SessionObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the coach's cues: {@link Mode#TONES} a {@link Tone} per cue that has one, {@link Mode#VOICE} also
 * speaks the cue through espeak-ng when it is installed (tones alone when it is not). Sounds play on a
 * thread of their own, newest first (a cue that is late is dropped rather than queued behind others); with
 * no sound device, it logs that once and stays silent.
 */
public final class AudioCues implements SessionObserver, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AudioCues.class);
    private static final AudioFormat FORMAT = new AudioFormat(Tone.SAMPLE_RATE, 16, 1, true, false);

    /** What the coach sounds like. */
    public enum Mode { TONES, VOICE, OFF }

    private final Mode mode;
    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audio-cues");
        t.setDaemon(true);
        return t;
    });
    private SourceDataLine line;
    private Path espeak;
    private String state = "not started";

    public AudioCues(Mode mode) {
        this.mode = mode;
    }

    /** Opens the sound device (and finds espeak-ng for voice); never fails: no device means silence. */
    public synchronized void start() {
        if (mode == Mode.OFF) {
            state = "off";
            return;
        }
        try {
            SourceDataLine l = AudioSystem.getSourceDataLine(FORMAT);
            l.open(FORMAT, (int) (Tone.SAMPLE_RATE / 5) * 2);
            l.start();
            line = l;
            state = "tones";
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            state = "no sound device (" + e.getMessage() + ")";
            LOG.info("audio cues off: no sound device (" + e.getMessage() + ")");
        }
        if (mode == Mode.VOICE) {
            espeak = onPath("espeak-ng");
            if (espeak == null) {
                LOG.info("audio: voice asked for, but espeak-ng is not installed (apt install espeak-ng): tones only");
            } else {
                state = (line != null ? "tones and " : "") + "voice (" + espeak + ")";
            }
        }
    }

    /** What it does, for the log: "tones", "no sound device (...)", "off". */
    public synchronized String describe() {
        return state;
    }

    @Override
    public void cue(Cue cue) {
        if (mode == Mode.OFF) {
            return;
        }
        SourceDataLine l;
        Path voice;
        synchronized (this) {
            l = line;
            voice = espeak;
        }
        Tone.of(cue.kind()).ifPresent(tone -> {
            if (l != null) {
                byte[] pcm = tone.pcm(0.6);
                player.execute(() -> l.write(pcm, 0, pcm.length));
            }
        });
        String words = Spoken.words(cue);
        if (voice != null && words != null) {
            player.execute(() -> speak(voice, words));
        }
    }

    private static void speak(Path espeak, String words) {
        try {
            Process p = new ProcessBuilder(espeak.toString(), "-s", "165", words).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroy();
            }
        } catch (java.io.IOException e) {
            LOG.debug("espeak-ng failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    public synchronized void stop() {
        player.shutdownNow();
        if (line != null) {
            line.stop();
            line.close();
            line = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
