package org.isoband.gateway.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.isoband.core.coach.CoachState;
import org.isoband.core.coach.CoachView;
import org.isoband.core.coach.ForceTarget;
import org.isoband.core.coach.Leg;
import org.isoband.core.coach.Question;
import org.isoband.core.detect.Phase;
import org.isoband.device.source.BatteryLevel;
import org.isoband.device.source.LinkState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every screen the athlete can see, at 800x480 and 480x320, read as a machine would read it: no two texts
 * overlap, no text is smaller than the minimum (18 px at 800x480, scaled), all of it is on the screen, every
 * control is finger-sized and holds its label, and no two controls share pixels.
 */
class ScreenLayoutTest {
    private static final Path OUT = Path.of("target", "screens");

    static Stream<Arguments> screens() {
        List<Arguments> all = new ArrayList<>();
        for (int[] size : new int[][] {{800, 480}, {480, 320}}) {
            for (String name : List.of("notice", "notice-autostart", "begin", "ready", "ramp", "hold", "hold-target",
                    "rest-after-short", "paused", "paused-pulling", "ask-skip", "ask-end", "summary", "summary-one-leg",
                    "long-names", "begin-phone", "phone-page", "phone-page-open-dashboard", "notice-low-battery",
                    "begin-low-battery-phone", "hold-battery-low")) {
                all.add(Arguments.of(name, size[0], size[1]));
            }
        }
        return all.stream();
    }

    static ScreenModel model(String name) {
        ScreenModel hold = CoachScreenTest.model(CoachState.HOLDING, Phase.HOLD, 4.5, 0, null);
        return switch (name) {
            case "notice" -> with(hold, CoachState.SAFETY_NOTICE, Question.NONE, -1);
            case "notice-autostart" -> with(hold, CoachState.SAFETY_NOTICE, Question.NONE, 23);
            case "begin" -> with(hold, CoachState.BEGIN, Question.NONE, -1);
            case "ready" -> CoachScreenTest.model(CoachState.READY, Phase.REST, 0, 0, null);
            case "ramp" -> CoachScreenTest.model(CoachState.HOLDING, Phase.RAMP, 0, 0, null);
            case "hold" -> hold;
            case "hold-target" -> new ScreenModel(copy(hold.coach(), CoachState.HOLDING, Question.NONE, -1,
                    Optional.of(new ForceTarget(180, 230)), "closest to the torso"), hold.live(), hold.trace(), hold.link(), hold.broker());
            case "rest-after-short" -> CoachScreenTest.model(CoachState.RESTING, Phase.REST, 0, 9, "released early: 4.2 s of 6");
            case "paused" -> CoachScreenTest.model(CoachState.PAUSED, Phase.REST, 0, 9, null);
            case "paused-pulling" -> CoachScreenTest.model(CoachState.PAUSED, Phase.HOLD, 3, 0, null);
            case "ask-skip" -> with(CoachScreenTest.model(CoachState.READY, Phase.REST, 0, 0, null), CoachState.READY, Question.SKIP_REP, -1);
            case "ask-end" -> with(hold, CoachState.HOLDING, Question.END_SESSION, -1);
            case "summary" -> with(hold, CoachState.DONE, Question.NONE, -1);
            case "summary-one-leg" -> {
                CoachView c = copy(hold.coach(), CoachState.DONE, Question.NONE, -1, Optional.empty(), "high");
                var s = c.summary();
                var cells = s.cells().stream().filter(x -> x.leg() == Leg.RIGHT && x.angleIndex() < 2).toList();
                c = new CoachView(c.state(), c.leg(), c.angleIndex(), c.angleCount(), c.angleName(), c.rep(), c.repsPerAngle(),
                        c.attempt(), c.held(), c.totalReps(), c.holdTargetS(), c.restLeftS(), c.restTotalS(), c.message(),
                        c.lastReason(), c.question(), c.autostartInS(), c.target(),
                        new org.isoband.core.coach.SessionSummary(cells, 10, 10, 50, 8.1, true, "Next time: go on from the right leg, middle"));
                yield new ScreenModel(c, hold.live(), hold.trace(), hold.link(), hold.broker());
            }
            case "long-names" -> new ScreenModel(copy(CoachScreenTest.model(CoachState.RESTING, Phase.REST, 0, 9,
                    "unsteady: pull less, hold steadier").coach(), CoachState.RESTING, Question.NONE, -1, Optional.empty(),
                    "almost on the floor, with the knee bent a little more than usual"), hold.live(), hold.trace(),
                    LinkState.LOST, "offline (1234 queued)");
            case "begin-phone" -> with(hold, CoachState.BEGIN, Question.NONE, -1).withDashboard(Optional.of(LINK), false);
            case "phone-page" -> with(hold, CoachState.BEGIN, Question.NONE, -1).withDashboard(Optional.of(LINK), true);
            case "phone-page-open-dashboard" -> with(hold, CoachState.BEGIN, Question.NONE, -1)
                    .withDashboard(Optional.of(DashboardLink.of("http://192.168.178.120:8080/")), true);
            case "notice-low-battery" -> with(hold, CoachState.SAFETY_NOTICE, Question.NONE, 23).withBattery(Optional.of(LOW));
            case "begin-low-battery-phone" -> with(hold, CoachState.BEGIN, Question.NONE, 12).withBattery(Optional.of(LOW))
                    .withDashboard(Optional.of(LINK), false);
            case "hold-battery-low" -> new ScreenModel(hold.coach(), hold.live(), hold.trace(), LinkState.STREAMING,
                    "offline (1234 queued)").withBattery(Optional.of(LOW));
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A Pi's dashboard with install.sh's kind of token (32 hex digits) on a home network's address. */
    static final DashboardLink LINK = DashboardLink.of("http://192.168.178.120:8080/?token=f2c665e31b05029a3ac7efa0a9bb54b5");
    static final BatteryLevel LOW = BatteryLevel.ofCellMillivolts(3400);

    private static ScreenModel with(ScreenModel m, CoachState state, Question q, double autostart) {
        return new ScreenModel(copy(m.coach(), state, q, autostart, Optional.empty(), m.coach().angleName()), m.live(), m.trace(),
                m.link(), m.broker());
    }

    private static CoachView copy(CoachView c, CoachState state, Question q, double autostart, Optional<ForceTarget> target, String angle) {
        return new CoachView(state, c.leg(), c.angleIndex(), c.angleCount(), angle, c.rep(), c.repsPerAngle(), c.attempt(),
                c.held(), c.totalReps(), c.holdTargetS(), c.restLeftS(), c.restTotalS(), c.message(), c.lastReason(), q,
                autostart, target, c.summary());
    }

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @MethodSource("screens")
    void everyScreenReadsAtArmsLength(String name, int w, int h) throws IOException {
        CoachScreen screen = new CoachScreen(w, h);
        CoachScreen.Frame frame = screen.frame(model(name));
        Files.createDirectories(OUT);
        ImageIO.write(frame.image(), "png", OUT.resolve("layout-" + name + "-" + w + "x" + h + ".png").toFile());
        double unit = screen.layout().unit();
        Rectangle whole = new Rectangle(0, 0, w, h);

        assertThat(frame.texts()).as("texts drawn").isNotEmpty();
        for (ScreenText.Drawn t : frame.texts()) {
            assertThat(t.px()).as("size of '%s'", t.text()).isGreaterThanOrEqualTo((int) Math.floor(CoachScreen.MIN_TEXT_PX * unit));
            assertThat(whole.contains(t.box())).as("'%s' %s is on the screen", t.text(), t.box()).isTrue();
        }
        List<ScreenText.Drawn> texts = frame.texts();
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                assertThat(texts.get(i).box().intersects(texts.get(j).box()))
                        .as("'%s' %s overlaps '%s' %s", texts.get(i).text(), texts.get(i).box(), texts.get(j).text(), texts.get(j).box())
                        .isFalse();
            }
        }
        List<Control> visible = frame.controls().stream().filter(c -> c.look() != Control.Look.INVISIBLE).toList();
        for (Control c : visible) {
            assertThat(Math.min(c.bounds().width, c.bounds().height)).as("size of control %s", c.label())
                    .isGreaterThanOrEqualTo((int) Math.floor(CoachScreen.MIN_CONTROL_PX * unit));
            assertThat(whole.contains(c.bounds())).isTrue();
            assertThat(texts).as("label of %s inside it", c.label())
                    .anySatisfy(t -> assertThat(c.bounds().contains(t.box()) && c.label().startsWith(t.text().replace("\u2026", ""))).isTrue());
            for (Control other : visible) {
                if (other != c) {
                    assertThat(c.bounds().intersects(other.bounds())).as("%s touches %s", c.label(), other.label()).isFalse();
                }
            }
        }
        for (ScreenText.Drawn t : texts) {
            boolean inControl = visible.stream().anyMatch(c -> c.bounds().intersects(t.box()));
            boolean label = visible.stream().anyMatch(c -> c.bounds().contains(t.box()));
            assertThat(!inControl || label).as("'%s' is either inside a control or clear of all", t.text()).isTrue();
        }
    }
}
