package org.isoband.device.gpio;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProviderImpl;

/** Pi4J's mock I2C provider, handing out {@link Ads1115Emulator}s instead of plain {@code MockI2C}s. */
final class Ads1115EmulatorProvider extends MockI2CProviderImpl {
    private final FakeClock clock;

    Ads1115EmulatorProvider(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public I2C create(I2CConfig config) {
        Ads1115Emulator chip = new Ads1115Emulator(this, config, clock);
        this.context.registry().add(chip);
        return chip;
    }
}
