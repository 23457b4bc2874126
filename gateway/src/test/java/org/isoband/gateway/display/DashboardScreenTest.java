package org.isoband.gateway.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.isoband.core.coach.AthleteCommand;
import org.isoband.core.coach.CoachState;
import org.isoband.gateway.qr.QrCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's QR code on the Pi's screen: read back from the rendered frame by zxing (the whole screen, the
 * code found among the words, also at half the resolution as a camera at arm's length sees it), the token in
 * the code and never in the words, and the Phone button that opens the page only where there is a dashboard.
 */
class DashboardScreenTest {
    private static final String URL = ScreenLayoutTest.LINK.url();

    private static ScreenModel begin() {
        return ScreenLayoutTest.model("begin");
    }

    @ParameterizedTest(name = "at {0}x{1}")
    @CsvSource({"800, 480", "480, 320"})
    void thePhonePageShowsACodeThatScansAsTheWholeAddressTokenIncluded(int w, int h) {
        CoachScreen screen = new CoachScreen(w, h);
        BufferedImage image = screen.render(ScreenLayoutTest.model("phone-page"));

        assertThat(QrReader.read(image)).contains(URL);
        assertThat(QrReader.read(QrReader.scaled(image, 0.5))).as("at half the resolution, blurred").contains(URL);
    }

    @Test
    void onThe7InchPanelTheCodeIsLargeEnoughToScanAtArmsLength() {
        CoachScreen screen = new CoachScreen(800, 480);
        QrCode code = ScreenLayoutTest.LINK.code();
        java.awt.Rectangle box = DashboardQrPage.codeBounds(screen.layout(), code);
        int module = box.width / (code.size() + 2 * QrCode.QUIET_ZONE);

        // The official 7" panel shows 800 px on 154.2 mm: 0.193 mm a pixel.
        assertThat(module).as("pixels per module").isGreaterThanOrEqualTo(8);
        assertThat(box.width * 0.193).as("mm across, quiet zone included").isGreaterThan(65);
        assertThat(box.width % (code.size() + 2 * QrCode.QUIET_ZONE)).as("whole pixels per module").isZero();
    }

    @Test
    void theWordsShowTheAddressWithoutTheToken() {
        CoachScreen screen = new CoachScreen(800, 480);
        String token = URL.substring(URL.indexOf("token=") + 6);

        for (String name : List.of("phone-page", "begin-phone")) {
            List<String> words = screen.frame(ScreenLayoutTest.model(name)).texts().stream().map(ScreenText.Drawn::text).toList();
            assertThat(String.join(" ", words)).as(name).contains("192.168.178.120:8080").doesNotContain(token)
                    .doesNotContain("token=");
        }
        assertThat(ScreenLayoutTest.LINK.address()).isEqualTo("http://192.168.178.120:8080/");
        assertThat(ScreenLayoutTest.LINK.tokenInCode()).isTrue();
    }

    @Test
    void withoutADashboardForPhonesTheBeginScreenHasNoPhoneButtonAndNoCode() {
        CoachScreen screen = new CoachScreen(800, 480);

        assertThat(screen.controls(begin())).extracting(Control::label).containsExactly("Begin");
        assertThat(QrReader.read(screen.render(begin()))).isEmpty();
        assertThat(QrReader.read(screen.render(ScreenLayoutTest.model("begin-phone")))).as("not on the Begin screen itself").isEmpty();
    }

    @Test
    void thePhoneButtonOpensThePageAndATapAnywhereClosesIt() {
        long[] now = {0};
        DashboardPage page = new DashboardPage(Optional.of(ScreenLayoutTest.LINK), () -> now[0]);
        List<AthleteCommand> commands = new ArrayList<>();
        CoachScreen screen = new CoachScreen(800, 480);
        ScreenTaps taps = new ScreenTaps(screen, new DisplayControls(commands::add, () -> { }, page));
        ScreenModel shown = page.dress(begin());
        taps.shown(shown, now[0]);
        Control phone = screen.controls(shown).stream().filter(c -> c.label().equals("Phone")).findFirst().orElseThrow();

        now[0] = 1_000_000_000L;
        assertThat(taps.tap(phone.bounds().x + 5, phone.bounds().y + 5, now[0])).contains(Tap.Page.OPEN_DASHBOARD);
        ScreenModel open = page.dress(begin());
        assertThat(open.dashboardPage()).isTrue();
        taps.shown(open, now[0]);
        now[0] += ScreenTaps.SETTLE_NANOS;
        assertThat(taps.tap(400, 240, now[0])).contains(Tap.Page.CLOSE_DASHBOARD);

        assertThat(page.dress(begin()).dashboardPage()).isFalse();
        assertThat(commands).as("the coach heard nothing").isEmpty();
    }

    @Test
    void thePageClosesByItselfAndWhenThePlanStarts() {
        long[] now = {0};
        DashboardPage page = new DashboardPage(Optional.of(ScreenLayoutTest.LINK), () -> now[0]);
        page.accept(Tap.Page.OPEN_DASHBOARD);
        now[0] = DashboardPage.OPEN_NANOS - 1;
        assertThat(page.dress(begin()).dashboardPage()).isTrue();
        now[0] = DashboardPage.OPEN_NANOS;
        assertThat(page.dress(begin()).dashboardPage()).as("after %d s", DashboardPage.OPEN_NANOS / 1_000_000_000L).isFalse();

        page.accept(Tap.Page.OPEN_DASHBOARD);
        ScreenModel ready = CoachScreenTest.model(CoachState.READY, org.isoband.core.detect.Phase.REST, 0, 0, null);
        assertThat(page.dress(ready).dashboardPage()).as("the plan started (autostart, a key)").isFalse();
        assertThat(page.dress(begin()).dashboardPage()).as("and it does not come back with the next Begin").isFalse();
    }

    @Test
    void withoutADashboardThePageNeverOpens() {
        DashboardPage page = DashboardPage.none();
        page.accept(Tap.Page.TOGGLE_DASHBOARD);

        ScreenModel m = page.dress(begin());
        assertThat(m.dashboardPage()).isFalse();
        assertThat(m.offersDashboard()).isFalse();
    }
}
