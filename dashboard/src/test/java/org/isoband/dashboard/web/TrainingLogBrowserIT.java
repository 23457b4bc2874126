package org.isoband.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.isoband.dashboard.Dashboard;
import org.isoband.dashboard.DashboardSettings;
import org.isoband.dashboard.RunningDashboard;
import org.isoband.dashboard.testing.Chromium;
import org.isoband.dashboard.testing.TrainingLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The training log in headless Debian Chromium, over ten weeks of stored training (no broker needed): the session
 * view, the strength chart and its asymmetry headline, the phone layout at 390 px, the unit setting.
 * Screenshots go to dashboard/target (docs/img has copies).
 */
class TrainingLogBrowserIT {
    static final String GATEWAY = "living-room";
    static final String BAND = "red-band";

    @TempDir
    static Path dir;
    static RunningDashboard dashboard;
    static ChromeDriver browser;
    static String newestSession;

    @BeforeAll
    static void start() throws Exception {
        dashboard = Dashboard.start(DashboardSettings.defaults().withPort(0).withDatabase(dir.resolve("d.db").toString()));
        newestSession = TrainingLog.seed(dashboard, GATEWAY, BAND, ZoneId.systemDefault());
        browser = Chromium.start(dir.resolve("chromium-profile"), 1280, 1600);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
    }

    @BeforeEach
    void freshPage() {
        browser.manage().window().setSize(new Dimension(1280, 1600));
        browser.get(dashboard.url());
        ((JavascriptExecutor) browser).executeScript("localStorage.clear()");
        open();
    }

    private WebDriverWait open() {
        browser.get(dashboard.url());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> !d.findElements(By.cssSelector("#sessions tbody tr")).isEmpty());
        wait.until(d -> Boolean.TRUE.equals(js("return !!Chart.getChart('strength-chart')")));
        return wait;
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @Test
    void theSessionViewShowsEachLegAndAnglesRepsWithTheirCurvesAndZone() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement row = browser.findElement(By.cssSelector("#sessions tr[data-session='" + newestSession + "']"));
        assertThat(row.getAttribute("class")).as("a row that opens looks like it").contains("opens");
        assertThat(row.getCssValue("cursor")).isEqualTo("pointer");
        row.click();
        wait.until(d -> d.findElements(By.cssSelector("#session-positions .position")).size() == 8);

        List<WebElement> positions = browser.findElements(By.cssSelector("#session-positions .position"));
        assertThat(positions.get(0).findElement(By.tagName("h4")).getText())
                .startsWith("Right leg · 1 · closest to the torso").contains("zone 60-80 %");
        assertThat(positions.get(4).findElement(By.tagName("h4")).getText()).startsWith("Left leg · 1 · closest to the torso");
        for (WebElement p : positions) {
            assertThat(Integer.parseInt(p.findElement(By.tagName("canvas")).getAttribute("data-curves")))
                    .as("every rep's curve drawn").isGreaterThanOrEqualTo(5);
        }
        List<WebElement> cells = positions.get(0).findElements(By.cssSelector("tbody tr td:first-child"));
        assertThat(cells.get(0).getText()).as("the plan's numbering").isEqualTo("1/5");
        assertThat(browser.findElement(By.id("session-facts")).getText()).contains("held", "s in the target zone");

        // a rep of the session opens its own curve with the steady stretch and the zone shaded
        positions.get(0).findElement(By.cssSelector("tbody tr")).click();
        wait.until(d -> Boolean.TRUE.equals(js("return !!Chart.getChart('curve')")));
        assertThat(browser.findElement(By.id("curve-note")).getText()).contains("steady stretch", "target zone 60-80 %");
        shot(browser.findElement(By.id("sessions-section")), "dashboard-session.png");
    }

    @Test
    void theStrengthChartShowsMaximaAndHeldForcePerPositionWithTheAsymmetryHeadline() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> chart = (Map<String, Object>) js("const c = Chart.getChart('strength-chart');"
                + " return {datasets: c.data.datasets.length, labels: c.data.labels.length,"
                + " points: c.data.datasets[0].data.filter(v => v !== null).length,"
                + " held: c.data.datasets[1].data.filter(v => v !== null).length, first: c.data.datasets[0].label};");
        assertThat(((Number) chart.get("datasets")).intValue()).as("maximum and held force for 8 positions").isEqualTo(16);
        assertThat(((Number) chart.get("labels")).intValue()).as("12 weeks, none empty before the first").isEqualTo(11);
        assertThat(((Number) chart.get("points")).intValue()).as("a maximum tested every 4 weeks").isEqualTo(3);
        assertThat(((Number) chart.get("held")).intValue()).isGreaterThanOrEqualTo(10);
        assertThat(chart.get("first")).isEqualTo("right 1 · closest to the torso maximum");

        List<WebElement> headlines = browser.findElements(By.cssSelector("#asymmetry li"));
        assertThat(headlines).hasSize(4);
        assertThat(headlines.get(0).getText()).startsWith("1 · closest to the torso: left 10 % weaker").contains("maxima");
        assertThat(browser.findElement(By.id("totals")).getText()).doesNotContainPattern("(^|[^0-9])1 sessions");
        assertThat(js("return plural(1, 'session') + ', ' + plural(2, 'session')")).isEqualTo("1 session, 2 sessions");
        shot(browser.findElement(By.id("strength-section")), "dashboard-strength.png");
    }

    @Test
    void onAPhoneEachRepKeepsItsVerdictSteadyTimeAndForceOnScreen() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        open();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector("#today tbody tr")).isEmpty());
        long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("no sideways scrolling").isLessThanOrEqualTo(0);
        WebElement row = browser.findElement(By.cssSelector("#today tbody tr"));
        int width = ((Number) js("return document.documentElement.clientWidth")).intValue();
        for (String cell : List.of(".c-verdict", ".c-steady", ".c-force")) {
            WebElement c = row.findElement(By.cssSelector(cell));
            assertThat(c.isDisplayed()).as(cell + " shown").isTrue();
            assertThat(c.getText()).as(cell).isNotBlank();
            assertThat(c.getRect().getX() + c.getRect().getWidth()).as(cell + " inside the screen").isLessThanOrEqualTo(width);
        }
        assertThat(row.findElement(By.cssSelector(".c-steady")).getText()).endsWith(" s");
        js("document.getElementById('today-section').scrollIntoView()");
        Thread.sleep(200);
        screenshotWindow("dashboard-phone-today.png");
    }

    @Test
    void theUnitSettingChangesEveryForceShownAndTheCsvAndStays() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> !d.findElements(By.cssSelector("#today tbody tr")).isEmpty());
        String newtons = browser.findElement(By.cssSelector("#today tbody tr .c-force")).getText();
        assertThat(newtons).endsWith(" N");

        new Select(browser.findElement(By.id("unit-select"))).selectByValue("kg");
        wait.until(d -> d.findElement(By.cssSelector("#today tbody tr .c-force")).getText().endsWith(" kg"));
        double n = Double.parseDouble(newtons.replace(" N", ""));
        double kg = Double.parseDouble(browser.findElement(By.cssSelector("#today tbody tr .c-force")).getText().replace(" kg", ""));
        assertThat(kg).isCloseTo(n / 9.80665, org.assertj.core.data.Offset.offset(0.1));
        assertThat(browser.findElement(By.id("csv")).getAttribute("href")).contains("unit=kg");
        wait.until(d -> "kg".equals(js("return Chart.getChart('strength-chart').options.scales.y.title.text")));

        open();
        assertThat(new Select(browser.findElement(By.id("unit-select"))).getFirstSelectedOption().getText())
                .as("the choice is remembered on this browser").isEqualTo("kg");
    }

    @Test
    void thePageHasAFaviconAndAPrintableMonthReport() throws Exception {
        assertThat(browser.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href")).endsWith("favicon.svg");
        js("window.print = () => { window.printed = document.body.dataset.print; };");
        browser.findElement(By.id("print-month")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "month".equals(js("return window.printed")));
        assertThat(browser.findElement(By.id("report-title")).getText()).startsWith("isoband report");
        assertThat(browser.findElements(By.cssSelector("#report-sessions tbody tr"))).isNotEmpty();
    }

    private static void shot(WebElement element, String name) throws Exception {
        js("arguments[0].scrollIntoView()", element);
        Thread.sleep(200);
        save(element.getScreenshotAs(OutputType.FILE).toPath(), name);
    }

    private static void screenshotWindow(String name) throws Exception {
        save(browser.getScreenshotAs(OutputType.FILE).toPath(), name);
    }

    private static void save(Path shot, String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("screenshot: " + target.toAbsolutePath());
    }
}
