package org.isoband.device.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.provider.Provider;

/**
 * Pi4J contexts on the mock platform (pi4j-plugin-mock) with only the providers a test asks for: no
 * auto-detection, so nothing depends on what the machine running the tests has.
 */
final class MockPi4j {
    private MockPi4j() {
    }

    /** Digital inputs and outputs ({@code MockDigitalInput}, {@code MockDigitalOutput}), plus {@code extra}. */
    static Context context(Provider<?, ?, ?>... extra) {
        var builder = Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance());
        if (extra.length > 0) {
            builder.add(extra);
        }
        return builder.build();
    }
}
