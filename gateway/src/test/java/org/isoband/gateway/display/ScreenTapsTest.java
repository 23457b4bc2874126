package org.isoband.gateway.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.isoband.core.coach.AthleteCommand;
import org.isoband.core.coach.CoachState;
import org.isoband.core.coach.Question;
import org.isoband.core.detect.Phase;
import org.junit.jupiter.api.Test;

/** Taps go to the control under them on the frame being shown, never to a screen that just replaced it. */
class ScreenTapsTest {
    private static final long MS = 1_000_000L;
    private final List<AthleteCommand> commands = new ArrayList<>();
    private final CoachScreen screen = new CoachScreen(800, 480);
    private final ScreenTaps taps = new ScreenTaps(screen, commands::add);

    private static ScreenModel on(String name) {
        return ScreenLayoutTest.model(name);
    }

    @Test
    void aTapAnywhereOnTheNoticeAcknowledgesIt() {
        taps.shown(on("notice"), 0);
        assertThat(taps.tap(13, 470, 1000 * MS)).contains(new Tap.Coach(AthleteCommand.ACKNOWLEDGE));
    }

    @Test
    void theSecondTapOfADoubleTapDoesNotPressTheNextScreensBegin() {
        taps.shown(on("notice"), 0);
        taps.tap(400, 260, 1000 * MS);
        taps.shown(on("begin"), 1010 * MS);

        assertThat(taps.tap(400, 260, 1100 * MS)).as("100 ms after the Begin screen came").isEmpty();
        assertThat(taps.tap(400, 260, 1010 * MS + ScreenTaps.SETTLE_NANOS)).contains(new Tap.Coach(AthleteCommand.BEGIN));
        assertThat(commands).containsExactly(AthleteCommand.ACKNOWLEDGE, AthleteCommand.BEGIN);
    }

    @Test
    void onTheTrainingScreenOnlyTheButtonsAnswerAndSkippingARepAsksFirst() {
        ScreenModel ready = CoachScreenTest.model(CoachState.READY, Phase.REST, 0, 0, null);
        taps.shown(ready, 0);
        List<Control> buttons = screen.controls(ready);

        assertThat(taps.tap(150, 200, 1000 * MS)).as("the ring is no button").isEmpty();
        Control skip = buttons.stream().filter(c -> c.label().equals("Skip rep")).findFirst().orElseThrow();
        assertThat(taps.tap(skip.bounds().x + 5, skip.bounds().y + 5, 1000 * MS)).contains(new Tap.Coach(AthleteCommand.ASK_SKIP));
        Control end = buttons.stream().filter(c -> c.label().equals("End")).findFirst().orElseThrow();
        assertThat(taps.tap(end.bounds().x + end.bounds().width - 3, end.bounds().y + 3, 1000 * MS)).contains(new Tap.Coach(AthleteCommand.ASK_END));
    }

    @Test
    void aQuestionIsAnsweredOnlyByItsTwoButtonsAndATapElsewhereKeepsGoing() {
        taps.shown(on("ask-end"), 0);
        Control[] answers = screen.controls(on("ask-end")).subList(0, 2).toArray(new Control[0]);

        assertThat(taps.tap(5, 5, 1000 * MS)).contains(new Tap.Coach(AthleteCommand.CANCEL));
        assertThat(taps.tap(answers[0].bounds().x + 10, answers[0].bounds().y + 10, 1000 * MS)).contains(new Tap.Coach(AthleteCommand.CONFIRM));
        assertThat(answers[0].label()).isEqualTo("End session");
        assertThat(answers[1].command()).contains(AthleteCommand.CANCEL);
        assertThat(on("ask-end").coach().question()).isEqualTo(Question.END_SESSION);
    }

    @Test
    void theSummaryClosesOnATap() {
        taps.shown(on("summary"), 0);
        assertThat(taps.tap(790, 10, 1000 * MS)).contains(new Tap.Coach(AthleteCommand.DISMISS));
    }
}
