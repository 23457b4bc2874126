package org.isoband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class RangesTest {

    @Test
    void eachBoundIsOpenOrClosedAsItsRuleSays() {
        assertThat(new Ranges.Speed().convert("1000")).isEqualTo(1000.0);
        assertThatThrownBy(() -> new Ranges.Speed().convert("0")).isInstanceOf(Ranges.OutOfRange.class)
                .hasMessage("must be between 0 and 1000, got 0.0");
        assertThat(new Ranges.Loss().convert("0")).isZero();
        assertThat(new Ranges.Loss().convert("0.5")).isEqualTo(0.5);
        assertThatThrownBy(() -> new Ranges.Loss().convert("0.51")).hasMessage("must be between 0 and 0.5, got 0.51");
        assertThatThrownBy(() -> new Ranges.Stiffness().convert("100000")).isInstanceOf(Ranges.OutOfRange.class);
        assertThatThrownBy(() -> new Ranges.HoldSeconds().convert("Infinity")).isInstanceOf(Ranges.OutOfRange.class);
        assertThatThrownBy(() -> new Ranges.PositiveSeconds().convert("NaN")).isInstanceOf(Ranges.OutOfRange.class);
    }

    @Test
    void aPortIsZeroTo65535() {
        assertThat(new Ranges.Port().convert("0")).isZero();
        assertThat(new Ranges.Port().convert("65535")).isEqualTo(65535);
        assertThatThrownBy(() -> new Ranges.Port().convert("65536")).hasMessage("must be between 0 and 65535, got 65536");
    }

    @Test
    void textThatIsNoNumberIsNotARangeError() {
        assertThatThrownBy(() -> new Ranges.Speed().convert("fast")).isExactlyInstanceOf(TypeConversionException.class)
                .hasMessage("'fast' is not a number");
    }

    @Test
    void anOptionOutOfRangeIsOneLineNamingTheCommandAndTheOption() {
        CliRun run = CliRun.of("demo", "--dashboard-port", "70000");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("demo: --dashboard-port must be between 0 and 65535, got 70000" + System.lineSeparator());
    }

    @Test
    void aValueThatIsNoNumberKeepsPicoclisMessageAndUsage() {
        CliRun run = CliRun.of("simulate", "--loss", "some");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--loss'", "'some' is not a number", "Usage:");
    }
}
