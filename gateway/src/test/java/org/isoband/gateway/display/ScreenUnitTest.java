package org.isoband.gateway.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.isoband.core.coach.CoachState;
import org.isoband.core.detect.Phase;
import org.isoband.core.unit.ForceUnit;
import org.junit.jupiter.api.Test;

/** The Pi's screens show force in the configured unit. */
class ScreenUnitTest {
    private static ScreenModel inUnit(ForceUnit unit) {
        ScreenModel m = CoachScreenTest.model(CoachState.HOLDING, Phase.HOLD, 4.5, 0, null);
        return new ScreenModel(m.coach(), m.live(), m.trace(), m.link(), m.broker(), unit);
    }

    @Test
    void theTerminalLineSaysTheForceInTheConfiguredUnit() {
        assertThat(TerminalScreen.line(inUnit(ForceUnit.KG))).contains("21.4 kg").doesNotContain(" N |");
        assertThat(TerminalScreen.line(inUnit(ForceUnit.LB))).contains("47.2 lb");
        assertThat(TerminalScreen.line(inUnit(ForceUnit.N))).contains("210.0 N");
    }

    @Test
    void theCoachScreenDrawsInAnyUnitWithoutChangingItsLayout() {
        BufferedImage n = new CoachScreen(800, 480).render(inUnit(ForceUnit.N));
        BufferedImage kg = new CoachScreen(800, 480).render(inUnit(ForceUnit.KG));
        assertThat(kg.getWidth()).isEqualTo(n.getWidth());
        int differing = 0;
        for (int y = 0; y < n.getHeight(); y += 2) {
            for (int x = 0; x < n.getWidth(); x += 2) {
                differing += n.getRGB(x, y) != kg.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(differing).as("only the figures differ").isBetween(1, n.getWidth() * n.getHeight() / 40);
    }

    @Test
    void theZoneIsTheTargetBandAndItsFiguresAreInTheUnit() throws Exception {
        ScreenModel m = inUnit(ForceUnit.KG);
        org.isoband.core.coach.CoachView c = m.coach();
        org.isoband.core.coach.CoachView zoned = new org.isoband.core.coach.CoachView(c.state(), c.leg(), c.angleIndex(),
                c.angleCount(), c.angleName(), c.rep(), c.repsPerAngle(), c.attempt(), c.held(), c.totalReps(), c.holdTargetS(),
                c.restLeftS(), c.restTotalS(), "A little harder: 19.6 kg-26.1 kg", c.lastReason(), c.question(),
                c.autostartInS(), java.util.Optional.of(new org.isoband.core.coach.ForceTarget(192, 256)), c.summary());
        ScreenModel withZone = new ScreenModel(zoned, m.live(), m.trace(), m.link(), m.broker(), ForceUnit.KG);

        assertThat(TerminalScreen.view(withZone, 100)).anySatisfy(l -> assertThat(l).contains("target 19.6 kg-26.1 kg"));
        BufferedImage image = new CoachScreen(800, 480).render(withZone);
        java.nio.file.Path out = java.nio.file.Path.of("target", "screen-hold-zone.png");
        java.nio.file.Files.createDirectories(out.getParent());
        javax.imageio.ImageIO.write(image, "png", out.toFile());
        BufferedImage plain = new CoachScreen(800, 480).render(m);
        int differing = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                differing += image.getRGB(x, y) != plain.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(differing).as("the band is drawn").isGreaterThan(500);
    }
}
