package org.isoband.gateway.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
}
