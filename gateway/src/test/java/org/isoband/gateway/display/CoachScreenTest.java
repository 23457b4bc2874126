package org.isoband.gateway.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.isoband.core.coach.CoachState;
import org.isoband.core.coach.CoachView;
import org.isoband.core.coach.Leg;
import org.isoband.core.coach.Question;
import org.isoband.core.coach.SessionSummary;
import java.util.List;
import java.util.Optional;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.device.source.LinkState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every phase rendered at both screen sizes; the pixels that matter are checked; PNGs kept in target/screens. */
class CoachScreenTest {
    private static final Path OUT = Path.of("target", "screens");

    static CoachView coach(CoachState state, double restLeft, String reason) {
        return coach(state, restLeft, reason, Question.NONE, "closest to the torso");
    }

    static CoachView coach(CoachState state, double restLeft, String reason, Question question, String angle) {
        return new CoachView(state, Leg.RIGHT, 1, 5, angle, 3, 5, reason == null ? 1 : 3, 7, 50, 6.0, restLeft,
                restLeft > 0 ? 15 : 0, reason == null ? "Hold: keep the band still" : "Released early: 4.2 s of 6: try again", reason,
                question, -1, Optional.empty(), summary());
    }

    /** A finished session: right leg all held, the left leg's low angle hard. */
    static SessionSummary summary() {
        List<String> angles = List.of("closest to the torso", "high", "middle", "low", "almost on the floor");
        List<SessionSummary.Cell> cells = new java.util.ArrayList<>();
        for (Leg leg : Leg.values()) {
            for (int a = 0; a < angles.size(); a++) {
                boolean hard = leg == Leg.LEFT && a == 3;
                cells.add(new SessionSummary.Cell(leg, a, angles.get(a), hard ? 3 : 5, hard ? 7 : 5, 8.4));
            }
        }
        return new SessionSummary(cells, 48, 52, 50, 9.6, false, "Next time: pull a little less at left leg, low (3 of 7 held)");
    }

    static ForceHistory.Trace trace(double level) {
        ForceHistory h = new ForceHistory(1000);
        for (int i = 0; i < 800; i++) {
            double t = i / 80.0;
            double f = t < 3 ? 30 : t < 3.5 ? 30 + (level - 30) * (t - 3) / 0.5 : level + 2 * Math.sin(t * 31);
            h.add(t, f);
        }
        return h.lastSeconds(10);
    }

    static ScreenModel model(CoachState state, Phase phase, double steady, double restLeft, String reason) {
        double level = phase.inContraction() ? 210 : 30;
        HoldState live = new HoldState(phase, 0, level, 30, steady, steady, phase == Phase.HOLD ? 196 : Double.NaN,
                phase == Phase.HOLD ? 224 : Double.NaN);
        return new ScreenModel(coach(state, restLeft, reason), live, trace(level), LinkState.STREAMING, "connected");
    }

    private static Color pixel(BufferedImage image, int x, int y) {
        return new Color(image.getRGB(x, y));
    }

    /** The colour at the middle of the ring's stroke, {@code fraction} of the way round clockwise from the top. */
    private static Color ringAt(BufferedImage image, CoachScreen.Layout l, double fraction) {
        double a = 2 * Math.PI * fraction;
        int x = (int) Math.round(l.ringX() + l.ringRadius() * Math.sin(a));
        int y = (int) Math.round(l.ringY() - l.ringRadius() * Math.cos(a));
        return pixel(image, x, y);
    }

    private static Color phaseBoxColour(BufferedImage image, CoachScreen.Layout l) {
        Rectangle box = l.phaseBox();
        return pixel(image, box.x + box.height / 4, box.y + box.height / 2);
    }

    private static void save(BufferedImage image, String name) throws IOException {
        Files.createDirectories(OUT);
        ImageIO.write(image, "png", OUT.resolve(name + ".png").toFile());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"800,480", "480,320"})
    void theRingFillsToTheHoldTargetInTheHoldColour(int w, int h) throws IOException {
        CoachScreen screen = new CoachScreen(w, h);
        BufferedImage image = screen.render(model(CoachState.HOLDING, Phase.HOLD, 4.5, 0, null));
        save(image, "hold-" + w + "x" + h);

        // 4.5 s of 6: three quarters of the ring filled, in the colour of the word HOLD.
        assertThat(ringAt(image, screen.layout(), 0.30)).isEqualTo(PhaseStyle.GREEN);
        assertThat(ringAt(image, screen.layout(), 0.70)).isEqualTo(PhaseStyle.GREEN);
        assertThat(ringAt(image, screen.layout(), 0.80)).isEqualTo(CoachScreen.RING_EMPTY);
        assertThat(ringAt(image, screen.layout(), 0.95)).isEqualTo(CoachScreen.RING_EMPTY);
        assertThat(phaseBoxColour(image, screen.layout())).isEqualTo(PhaseStyle.GREEN);
    }

    @Test
    void pastTheTargetTheRingIsFullAndGreen() throws IOException {
        CoachScreen screen = new CoachScreen(800, 480);
        BufferedImage image = screen.render(model(CoachState.HOLDING, Phase.HOLD, 6.4, 0, null));
        save(image, "target-reached-800x480");

        for (double f = 0.05; f < 1; f += 0.1) {
            assertThat(ringAt(image, screen.layout(), f)).as("ring at %.2f", f).isEqualTo(PhaseStyle.GREEN);
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "READY,REST,BLUE", "HOLDING,RAMP,ORANGE", "HOLDING,UNSTEADY,PURPLE", "HOLDING,RELEASE,SKY",
        "RESTING,REST,SKY", "PAUSED,REST,GREY", "PAUSED,HOLD,GREY"})
    void eachPhaseHasItsColour(CoachState state, Phase phase, String colour) throws Exception {
        CoachScreen screen = new CoachScreen(800, 480);
        BufferedImage image = screen.render(model(state, phase, 0, state == CoachState.RESTING ? 9 : 0, null));
        save(image, "phase-" + state.name().toLowerCase() + "-" + phase.name().toLowerCase());

        Color expected = (Color) PhaseStyle.class.getDeclaredField(colour).get(null);
        assertThat(phaseBoxColour(image, screen.layout())).isEqualTo(expected);
    }

    @Test
    void aRestEmptiesTheRingAndAFailedRepShowsWhy() throws IOException {
        CoachScreen screen = new CoachScreen(800, 480);
        BufferedImage image = screen.render(model(CoachState.RESTING, Phase.REST, 0, 9, "released early: 4.2 s of 6"));
        save(image, "rest-after-short-800x480");

        // 9 s of 15 left: 60 % of the ring in the rest colour.
        assertThat(ringAt(image, screen.layout(), 0.55)).isEqualTo(PhaseStyle.SKY);
        assertThat(ringAt(image, screen.layout(), 0.65)).isEqualTo(CoachScreen.RING_EMPTY);
        Rectangle bar = screen.layout().messageBar();
        boolean warned = false;
        for (int x = 0; x < image.getWidth() && !warned; x++) {
            for (int y = bar.y; y < bar.y + bar.height && !warned; y++) {
                warned = pixel(image, x, y).equals(CoachScreen.WARN);
            }
        }
        assertThat(warned).as("the reason is written in the warning colour").isTrue();
    }

    @Test
    void aLostSensorIsShownInTheWarningColour() {
        CoachScreen screen = new CoachScreen(800, 480);
        ScreenModel lost = new ScreenModel(coach(CoachState.READY, 0, null), model(CoachState.READY, Phase.REST, 0, 0, null).live(),
                trace(30), LinkState.LOST, "connected");

        BufferedImage image = screen.render(lost);

        Rectangle bar = screen.layout().topBar();
        long warn = 0;
        for (int x = image.getWidth() / 2; x < image.getWidth(); x++) {
            for (int y = bar.y; y < bar.y + bar.height; y++) {
                warn += pixel(image, x, y).equals(CoachScreen.WARN) ? 1 : 0;
            }
        }
        assertThat(warn).isPositive();
    }
}
