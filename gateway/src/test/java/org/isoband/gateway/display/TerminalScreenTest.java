package org.isoband.gateway.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.isoband.core.coach.CoachState;
import org.isoband.core.detect.Phase;
import org.junit.jupiter.api.Test;

class TerminalScreenTest {

    @Test
    void aLineSaysThePhaseWhereTheAthleteIsAndTheTimer() {
        String line = TerminalScreen.line(CoachScreenTest.model(CoachState.HOLDING, Phase.HOLD, 4.5, 0, null));

        assertThat(line).startsWith("HOLD").contains("Right leg", "(closest to the torso)", "rep 3/5", " 4.5/6 s", "210.0 N",
                "Hold: keep the band still");
    }

    @Test
    void afterAFailedRepTheLineSaysWhy() {
        String line = TerminalScreen.line(CoachScreenTest.model(CoachState.RESTING, Phase.REST, 0, 9, "leg moved: keep the band still"));

        assertThat(line).startsWith("REST").contains("rest  9 s", "did not count: leg moved: keep the band still");
    }

    @Test
    void withoutATerminalOnlyChangesOfWordsArePrinted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalScreen screen = new TerminalScreen(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
                DisplayControls.NONE, false);

        screen.show(CoachScreenTest.model(CoachState.HOLDING, Phase.HOLD, 1.0, 0, null));
        screen.show(CoachScreenTest.model(CoachState.HOLDING, Phase.HOLD, 1.5, 0, null));
        screen.show(CoachScreenTest.model(CoachState.HOLDING, Phase.HOLD, 2.0, 0, null));
        screen.show(CoachScreenTest.model(CoachState.RESTING, Phase.REST, 0, 9, null));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
    }

    @Test
    void theBeginViewNamesTheDashboardsAddressWithoutItsTokenAndTheKeyForItsCode() {
        List<String> view = TerminalScreen.view(ScreenLayoutTest.model("begin-phone"), 80, 24);

        assertThat(String.join("\n", view)).contains("Your reps on your phone: http://192.168.178.120:8080/  (d: its QR code)", "d phone")
                .doesNotContain("token");
        assertThat(String.join("\n", TerminalScreen.view(ScreenLayoutTest.model("begin"), 80, 24))).doesNotContain("phone");
    }

    @Test
    void atEightyByTwentyFourTheDashboardsCodeFitsAndScans() {
        List<String> view = TerminalScreen.view(ScreenLayoutTest.model("phone-page"), 80, 24);

        assertThat(view.size()).as("rows (the last stays free)").isLessThanOrEqualTo(23);
        assertThat(view).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        List<String> code = view.stream().filter(l -> l.startsWith("\u2588")).toList();
        assertThat(QrReader.read(QrReader.fromHalfBlocks(code, 4))).contains(ScreenLayoutTest.LINK.url());
    }

    @Test
    void aTerminalTooSmallForTheCodeSaysSoInsteadOfACodeCutAtTheEdge() {
        List<String> view = TerminalScreen.view(ScreenLayoutTest.model("phone-page"), 80, 20);

        assertThat(view).noneMatch(l -> l.startsWith("\u2588"));
        assertThat(String.join("\n", view)).contains("http://192.168.178.120:8080/", "the QR code needs a terminal of 41x24");
    }

    @Test
    void theStatusLineCarriesTheBatteryAndTheBeginViewWarnsWhenItIsLow() {
        assertThat(String.join("\n", TerminalScreen.view(ScreenLayoutTest.model("hold-battery-low"), 120, 24)))
                .contains("sensor streaming \u00b7 battery 11 %");
        assertThat(TerminalScreen.view(ScreenLayoutTest.model("begin-low-battery-phone"), 80, 24).get(0))
                .isEqualTo("!! Sensor battery 11 %: charge it before a session !!");
    }

    @Test
    void theDKeyOpensAndClosesTheDashboardsPage() {
        List<Tap.Page> pages = new java.util.ArrayList<>();
        DisplayControls controls = new DisplayControls(c -> { }, () -> { }, pages::add);

        controls.key('d');
        controls.key('D');

        assertThat(pages).containsExactly(Tap.Page.TOGGLE_DASHBOARD, Tap.Page.TOGGLE_DASHBOARD);
    }
}
