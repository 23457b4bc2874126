package org.isoband.bench;

import java.util.List;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import org.isoband.core.coach.CoachState;
import org.isoband.core.coach.CoachView;
import org.isoband.core.coach.Leg;
import org.isoband.core.detect.HoldState;
import org.isoband.core.detect.Phase;
import org.isoband.device.source.LinkState;
import org.isoband.gateway.display.CoachScreen;
import org.isoband.gateway.display.DashboardLink;
import org.isoband.gateway.display.ForceHistory;
import org.isoband.gateway.display.ScreenModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to render one frame of the coach's screen (issue target: at most 8 ms for 800x480), a hold in
 * progress with 10 s of an 80 Hz trace, as the display thread renders it, and the page with the dashboard's QR code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScreenRenderBenchmark {

    @Param({"800x480", "480x320"})
    public String size;

    /** {@code hold}: a hold in progress; {@code phone}: the page with the dashboard's QR code (a version 5 code). */
    @Param({"hold", "phone"})
    public String page;

    private CoachScreen screen;
    private ScreenModel model;

    @Setup
    public void setUp() {
        String[] wh = size.split("x");
        screen = new CoachScreen(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        ForceHistory history = new ForceHistory(1000);
        for (int i = 0; i < 800; i++) {
            double t = i / 80.0;
            history.add(t, t < 3 ? 30 : 210 + 3 * Math.sin(t * 40));
        }
        CoachView coach = new CoachView(CoachState.HOLDING, Leg.RIGHT, 1, 5, "high", 3, 5, 1, 7, 50, 6.0, 0, 0,
                "Hold: keep the band still", null, org.isoband.core.coach.Question.NONE, -1, java.util.Optional.empty(),
                new org.isoband.core.coach.SessionSummary(List.of(), 0, 0, 50, 0, false, ""));
        HoldState live = new HoldState(Phase.HOLD, 0, 210, 30, 4.5, 4.5, 196, 224);
        model = new ScreenModel(coach, live, history.lastSeconds(10), LinkState.STREAMING, "connected");
        if (page.equals("phone")) {
            CoachView begin = new CoachView(CoachState.BEGIN, coach.leg(), coach.angleIndex(), coach.angleCount(),
                    coach.angleName(), coach.rep(), coach.repsPerAngle(), coach.attempt(), coach.held(), coach.totalReps(),
                    coach.holdTargetS(), 0, 0, coach.message(), null, coach.question(), -1, coach.target(), coach.summary());
            model = new ScreenModel(begin, live, model.trace(), LinkState.STREAMING, "connected").withDashboard(
                    java.util.Optional.of(DashboardLink.of("http://192.168.178.120:8080/?token=f2c665e31b05029a3ac7efa0a9bb54b5")),
                    true);
        }
    }

    @Benchmark
    public BufferedImage renderOneFrame() {
        return screen.render(model);
    }

}
