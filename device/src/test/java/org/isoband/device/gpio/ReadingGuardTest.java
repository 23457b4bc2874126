package org.isoband.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingGuardTest {

    private static List<ReadingFlag> check(ReadingGuard guard, int... raws) {
        List<ReadingFlag> flags = new ArrayList<>();
        for (int raw : raws) {
            flags.add(guard.check(new RawReading(0, raw, ReadingFlag.GOOD)).flag());
        }
        return flags;
    }

    @Test
    void theHx711SaturationCodesAreFlagged() {
        ReadingGuard guard = ReadingGuard.hx711(50);

        assertThat(check(guard, 0x7FFFFF, -0x800000, 0x7FFFFE, -0x7FFFFF)).containsExactly(
                ReadingFlag.SATURATED, ReadingFlag.SATURATED, ReadingFlag.GOOD, ReadingFlag.GOOD);
    }

    @Test
    void theAds1115SaturationCodesAreFlagged() {
        ReadingGuard guard = ReadingGuard.ads1115(50);

        assertThat(check(guard, 0x7FFF, -0x8000, 0x7FFE, 0)).containsExactly(
                ReadingFlag.SATURATED, ReadingFlag.SATURATED, ReadingFlag.GOOD, ReadingFlag.GOOD);
    }

    @Test
    void aValueRepeatedStuckAfterTimesIsStuckUntilItChanges() {
        ReadingGuard guard = ReadingGuard.hx711(3);

        assertThat(check(guard, 10, 10, 10, 10, 11, 11, 10)).containsExactly(
                ReadingFlag.GOOD, ReadingFlag.GOOD, ReadingFlag.STUCK, ReadingFlag.STUCK,
                ReadingFlag.GOOD, ReadingFlag.GOOD, ReadingFlag.GOOD);
    }

    @Test
    void readingsFlaggedByTheProtocolPassThroughAndDoNotBreakARun() {
        ReadingGuard guard = ReadingGuard.hx711(3);
        guard.check(new RawReading(0, 10, ReadingFlag.GOOD));
        guard.check(new RawReading(0, 10, ReadingFlag.GOOD));

        RawReading settling = guard.check(new RawReading(0, 99, ReadingFlag.SETTLING));

        assertThat(settling.flag()).isEqualTo(ReadingFlag.SETTLING);
        assertThat(check(guard, 10)).containsExactly(ReadingFlag.STUCK);
    }

    @Test
    void resetForgetsTheRun() {
        ReadingGuard guard = ReadingGuard.hx711(3);
        check(guard, 10, 10);

        guard.reset();

        assertThat(check(guard, 10, 10)).containsOnly(ReadingFlag.GOOD);
    }
}
