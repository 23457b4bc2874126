package org.isoband.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.isoband.core.sample.CalibrationProcedure.Rejected;
import org.isoband.core.sample.CalibrationProcedure.Step;
import org.isoband.core.sample.CalibrationProcedure.StepName;
import org.junit.jupiter.api.Test;

class CalibrationProcedureTest {

    /** {@code n} readings around {@code mean} with Gaussian noise of {@code rms} (fixed seed). */
    private static Step readings(int n, double mean, double rms, long seed) {
        Random random = new Random(seed);
        double[] raws = new double[n];
        for (int i = 0; i < n; i++) {
            raws[i] = mean + rms * random.nextGaussian();
        }
        return Step.of(raws);
    }

    @Test
    void stepStatisticsAreTheMeanAndTheSampleStandardDeviation() {
        Step step = Step.of(8_388_600, 8_388_602, 8_388_604, 8_388_606);

        assertThat(step.count()).isEqualTo(4);
        assertThat(step.mean()).isEqualTo(8_388_603);
        assertThat(step.rms()).isEqualTo(Math.sqrt(20.0 / 3), within(1e-9));
        assertThat(Step.of(5).rms()).isZero();
    }

    @Test
    void slackAndAKnownLoadGiveOffsetAndScale() throws Rejected {
        CalibrationProcedure procedure = new CalibrationProcedure(180);
        procedure.slack(readings(240, 84_213, 20, 1));

        // 5 kg on a cell of 4365 raw per newton
        CalibrationProcedure.Result result = procedure.loaded(readings(240, 84_213 + 49.03325 * 4365, 20, 2), 49.03325);

        Calibration c = result.calibration();
        assertThat(c.offsetRaw()).isEqualTo(84_213, within(3.0));
        assertThat(c.scaleNewtonsPerRaw()).isEqualTo(1 / 4365.0, within(1e-7));
        assertThat(c.bandStiffnessNPerM()).isEqualTo(180);
        assertThat(c.toNewtons(84_213 + 10 * 4365)).isEqualTo(10, within(0.01));
        assertThat(result.slackNoiseN()).isEqualTo(20 / 4365.0, within(0.001));
        assertThat(result.loadedNoiseN()).isEqualTo(20 / 4365.0, within(0.001));
        assertThat(result.knownNewtons()).isEqualTo(49.03325);
    }

    @Test
    void aCellThatReadsLowerUnderLoadGetsANegativeScale() throws Rejected {
        CalibrationProcedure procedure = new CalibrationProcedure(150);
        procedure.slack(readings(100, -20_000, 10, 3));

        Calibration c = procedure.loaded(readings(100, -20_000 - 100_000, 10, 4), 50).calibration();

        assertThat(c.scaleNewtonsPerRaw()).isEqualTo(-0.0005, within(1e-6));
        assertThat(c.toNewtons(-70_000)).isEqualTo(25, within(0.05));
    }

    @Test
    void aLoadThatBarelyMovesTheReadingIsRejected() throws Rejected {
        CalibrationProcedure procedure = new CalibrationProcedure(150);
        procedure.slack(readings(100, 1000, 200, 5));

        assertThatThrownBy(() -> procedure.loaded(readings(100, 1040, 200, 6), 0.01))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.step()).isEqualTo(StepName.LOADED))
                .hasMessageStartingWith("the reading barely changed under the load (by ")
                .hasMessageEndingWith("is the weight hanging from the sensor, and heavy enough?");
    }

    @Test
    void noisyLoadedReadingsAreRejectedAndCanBeTakenAgain() throws Rejected {
        CalibrationProcedure procedure = new CalibrationProcedure(150);
        procedure.slack(readings(100, 0, 10, 7));

        // span 100 000 raw for 50 N; 3000 raw rms is 1.5 N, 3 % of the load
        assertThatThrownBy(() -> procedure.loaded(readings(100, 100_000, 3000, 8), 50))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.step()).isEqualTo(StepName.LOADED))
                .hasMessageStartingWith("the readings under the load were too noisy: 1.")
                .hasMessageEndingWith("% of 50.00 N (at most 2 %): let the weight hang still, or use a heavier one");

        assertThat(procedure.loaded(readings(100, 100_000, 10, 9), 50).calibration().offsetRaw())
                .isEqualTo(0, within(5.0));
    }

    @Test
    void noisySlackReadingsSendTheUserBackToTheFirstStep() throws Rejected {
        CalibrationProcedure procedure = new CalibrationProcedure(150);
        procedure.slack(readings(100, 0, 3000, 10));

        assertThatThrownBy(() -> procedure.loaded(readings(100, 100_000, 10, 11), 50))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.step()).isEqualTo(StepName.SLACK))
                .hasMessageStartingWith("the readings with the band slack were too noisy: ");
    }

    @Test
    void tooFewReadingsAreRejected() {
        CalibrationProcedure procedure = new CalibrationProcedure(150);

        assertThatThrownBy(() -> procedure.slack(Step.of(1, 2, 3)))
                .hasMessage("only 3 readings (at least 10 are needed): is the sensor delivering? measure for longer");
    }
}
