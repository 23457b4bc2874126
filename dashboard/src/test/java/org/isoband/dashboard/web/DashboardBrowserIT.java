package org.isoband.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.isoband.core.detect.Phase;
import org.isoband.core.detect.Verdict;
import org.isoband.core.message.ForceBatch;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.StateMessage;
import org.isoband.dashboard.Dashboard;
import org.isoband.dashboard.DashboardSettings;
import org.isoband.dashboard.RunningDashboard;
import org.isoband.dashboard.store.History;
import org.isoband.dashboard.testing.Chromium;
import org.isoband.dashboard.testing.Mosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in headless Debian Chromium, with a real Mosquitto and {@code mosquitto_pub} playing the gateway: it
 * loads, the live chart moves as force is published, a published rep appears without a reload, its force curve
 * opens, and it fits a phone's width. Screenshots go to dashboard/target (docs/img/dashboard.png is one of them).
 */
@org.junit.jupiter.api.extension.ExtendWith(org.isoband.dashboard.testing.ProgramsRequired.class)
class DashboardBrowserIT {
    static final String GATEWAY = "living-room";
    static final String BAND = "red-band";
    static final String TOPIC = "isoband/" + GATEWAY + "/" + BAND + "/";

    @TempDir
    static Path dir;
    static Mosquitto broker;
    static RunningDashboard dashboard;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        broker = Mosquitto.start(dir);
        dashboard = Dashboard.start(DashboardSettings.defaults().withPort(0).withDatabase(dir.resolve("d.db").toString())
                .withBroker(broker.url(), null, null, "isoband"));
        assertThat(dashboard.awaitSubscribed(15, TimeUnit.SECONDS)).isTrue();
        seedTenWeeks(dashboard, ZoneId.systemDefault());
        browser = Chromium.start(dir.resolve("chromium-profile"), 1280, 2000);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void live_force_and_a_published_rep_appear_without_a_reload() throws Exception {
        browser.get(dashboard.url());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElement(By.id("connection")).getText().equals("live"));
        JavascriptExecutor js = browser;
        js.executeScript("window.notReloaded = true;");

        Instant repStart = Instant.now().minusSeconds(10);
        // earlier reps of today's session, published as the gateway would (no force seen for them: no curve)
        Verdict[] earlier = {Verdict.HELD, Verdict.SHORT, Verdict.HELD, Verdict.MOVED};
        for (int i = 0; i < earlier.length; i++) {
            Instant t = repStart.minusSeconds(120L - 25L * i);
            double steady = earlier[i] == Verdict.HELD ? 6.8 + i * 0.3 : 2.5 + i;
            broker.publish(TOPIC + "rep", new RepMessage(UUID.randomUUID().toString(), GATEWAY, BAND, "today", "right",
                    i < 3 ? 0 : 1, i < 3 ? i + 1 : 1, t, t.plusMillis((long) (steady * 1000) + 1300), steady, 6.0, earlier[i],
                    178.5 - i, 184.0 - i, 1.8 + i * 0.2, 0.5, 30.2, 148.3 - i, 0).toJson());
        }
        broker.publish("isoband/" + GATEWAY + "/status", "online");
        broker.publish(TOPIC + "state", state(Phase.HOLD, 3.2, 182.4).toJson());
        broker.publishLines(TOPIC + "force", forceBatches(repStart.minusMillis(1500), repStart.plusMillis(9000), repStart));

        String card = "[data-band='" + GATEWAY + "/" + BAND + "']";
        wait.until(d -> samples(card) > 0);
        assertThat(browser.findElement(By.cssSelector(card + " .band-name")).getText()).isEqualTo(BAND + " · " + GATEWAY);
        assertThat(browser.findElement(By.cssSelector(card + " .phase")).getText()).isEqualTo("HOLD");
        long before = samples(card);
        String pictureBefore = (String) js.executeScript("return document.querySelector(arguments[0] + ' canvas').toDataURL()", card);

        broker.publishLines(TOPIC + "force", forceBatches(repStart.plusMillis(9000), repStart.plusMillis(11000), repStart));
        wait.until(d -> samples(card) > before);
        String pictureAfter = (String) js.executeScript("return document.querySelector(arguments[0] + ' canvas').toDataURL()", card);
        assertThat(pictureAfter).as("the live chart was redrawn with the new samples").isNotEqualTo(pictureBefore);

        RepMessage rep = new RepMessage(UUID.randomUUID().toString(), GATEWAY, BAND, "today", "right", 1, 2, repStart,
                repStart.plusMillis(8600), 7.4, 6.0, Verdict.HELD, 181.2, 186.0, 1.7, 0.6, 30.1, 151.1, 0);
        broker.publish(TOPIC + "rep", rep.toJson());
        broker.publish(TOPIC + "rep", rep.toJson());                        // a duplicate: still one row
        broker.publish(TOPIC + "rep", "{\"schema\":1,\"id\":\"broken\"}");  // malformed: dropped
        broker.publish(TOPIC + "state", state(Phase.REST, 0, 30.2).toJson());

        String row = "#today tr[data-id='" + rep.id() + "']";
        wait.until(d -> !d.findElements(By.cssSelector(row)).isEmpty());
        assertThat(js.executeScript("return window.notReloaded === true")).as("no reload").isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector(row + " .verdict")).getText()).isEqualTo("held");
        Thread.sleep(300);
        assertThat(browser.findElements(By.cssSelector(row))).hasSize(1);
        assertThat(dashboard.ingest().counts().malformed()).isEqualTo(1);

        browser.findElement(By.cssSelector(row)).click();
        wait.until(d -> Boolean.TRUE.equals(js.executeScript("return !!Chart.getChart('curve')")));
        assertThat(browser.findElement(By.id("curve-title")).getText()).contains("Rep 2", "right", "angle 2", "held");

        // the history reloads a moment after a new rep; then the page is complete for the picture
        wait.until(d -> d.findElement(By.id("totals")).getText().contains("reps"));
        Thread.sleep(2500);
        screenshot("dashboard.png");
    }

    @Test
    void fits_a_phone_screen() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(dashboard.url());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(d -> d.findElement(By.id("connection")).getText().equals("live"));
            wait.until(d -> d.findElement(By.id("totals")).getText().contains("reps"));
            JavascriptExecutor js = browser;
            long overflow = (Long) js.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
            WebElement chart = browser.findElement(By.id("steady-chart"));
            assertThat(chart.getSize().getWidth()).isLessThanOrEqualTo(390);
            screenshot("dashboard-phone.png");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 2000));
        }
    }

    private static long samples(String card) {
        Object n = browser.executeScript("const c = document.querySelector(arguments[0] + ' canvas');"
                + " return c ? Number(c.dataset.samples) : 0;", card);
        return ((Number) n).longValue();
    }

    private static void screenshot(String name) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("screenshot: " + target.toAbsolutePath());
    }

    private static StateMessage state(Phase phase, double steady, double level) {
        return new StateMessage(GATEWAY, BAND, "today", phase, "right", 1, 3, steady, level, 30.1, "STREAMING", 13, 11,
                Instant.now());
    }

    /** One JSON force batch per 100 ms at 80 Hz from {@code from} to {@code to}: a hold shaped like a real one. */
    static List<String> forceBatches(Instant from, Instant to, Instant repStart) {
        List<String> lines = new ArrayList<>();
        Random noise = new Random(7);
        for (Instant t = from; t.isBefore(to); t = t.plusMillis(100)) {
            double[] offsets = new double[8];
            double[] newtons = new double[8];
            for (int i = 0; i < 8; i++) {
                offsets[i] = i * 12.5;
                double s = (t.toEpochMilli() + offsets[i] - repStart.toEpochMilli()) / 1000.0;
                double level = s < 0 || s > 8.6 ? 30 : s < 0.6 ? 30 + 150 * s / 0.6 : s > 8.0 ? 180 - 150 * (s - 8.0) / 0.6 : 180;
                newtons[i] = level * (1 + 0.012 * noise.nextGaussian());
            }
            lines.add(new ForceBatch(GATEWAY, BAND, t, offsets, newtons, 0).toJson());
        }
        return lines;
    }

    /** Ten weeks of training: 2-3 sessions a week, both legs at 4 angles, holds getting longer, the left a bit weaker. */
    static void seedTenWeeks(RunningDashboard d, ZoneId zone) {
        Random random = new Random(42);
        LocalDate thisWeek = History.weekOf(LocalDate.now(zone));
        for (int week = 10; week >= 1; week--) {
            int sessions = week % 4 == 0 ? 1 : 2 + random.nextInt(2);
            for (int s = 0; s < sessions; s++) {
                Instant start = thisWeek.minusWeeks(week).plusDays(s * 2L).atTime(18, 30).atZone(zone).toInstant();
                String session = "seed-" + week + "-" + s;
                int n = 0;
                for (String leg : List.of("right", "left")) {
                    for (int angle = 0; angle < 4; angle++) {
                        for (int r = 1; r <= 5; r++) {
                            double progress = (10 - week) / 10.0;
                            double steady = Math.max(0.5, 5.0 + 2.5 * progress + random.nextGaussian() * 1.2
                                    - (leg.equals("left") ? 0.4 : 0) - angle * 0.3);
                            Verdict v = steady >= 6 ? Verdict.HELD : random.nextInt(4) == 0 ? Verdict.MOVED : Verdict.SHORT;
                            double amplitude = 140 + 25 * progress - (leg.equals("left") ? 12 * (1 - progress) : 0) + random.nextGaussian() * 4;
                            Instant t = start.plusSeconds(n++ * 25L);
                            RepMessage rep = new RepMessage(UUID.randomUUID().toString(), GATEWAY, BAND, session, leg, angle, r,
                                    t, t.plusMillis((long) (steady * 1000) + 1200), Math.round(steady * 1000) / 1000.0, 6.0, v,
                                    30 + amplitude, 36 + amplitude, 1.9, 0.8, 30, amplitude, 0);
                            d.store().add(rep, null, t);
                        }
                    }
                }
            }
        }
    }
}
