package org.isoband.gateway.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.isoband.device.ble.BleProfile;
import org.isoband.device.sim.Scenario;

/**
 * Where samples come from: exactly one of the sensor kinds, with only its own settings. Adding a sensor is a
 * record here (with its {@link Kind}), its reading in {@link ConfigLoader} and its case in the gateway's
 * {@code SourceFactory}; the switches over {@link Kind} have no default branch, so the compiler finds each.
 */
public sealed interface SensorConfig {

    /** The {@code sensor.kind} of the configuration file. */
    enum Kind {
        SIM, REPLAY, HX711, ADS1115, BLE;

        /** As written in the file: {@code sim}, {@code hx711}. */
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    Kind kind();

    /** The simulated athlete, {@code speed} times faster than real time. */
    record Sim(Scenario scenario, long seed, double speed) implements SensorConfig {
        @Override
        public Kind kind() {
            return Kind.SIM;
        }
    }

    /** A recording played back, {@code speed} times faster than it was made. */
    record Replay(Path file, double speed) implements SensorConfig {
        @Override
        public Kind kind() {
            return Kind.REPLAY;
        }
    }

    /** A load cell through an HX711 on the Pi's GPIO (BCM pins). */
    record Hx711(int doutPin, int sckPin, int gain, int rateHz) implements SensorConfig {
        @Override
        public Kind kind() {
            return Kind.HX711;
        }
    }

    /**
     * A stretch sensor through an ADS1115 on I2C.
     *
     * @param tableRaw ADC codes of the stretch sensor's calibration table, rising
     * @param tableMm  the band's elongation at each of those codes, in millimetres
     */
    record Ads1115(int bus, int address, int dataRateSps, int rateHz, List<Double> tableRaw, List<Double> tableMm)
            implements SensorConfig {
        /** The I2C bus of the Pi's header pins, also what the doctor looks at when no ADS1115 is configured. */
        public static final int DEFAULT_BUS = 1;

        public Ads1115 {
            tableRaw = List.copyOf(tableRaw);
            tableMm = List.copyOf(tableMm);
        }

        @Override
        public Kind kind() {
            return Kind.ADS1115;
        }
    }

    /** @param device the band's address (AA:BB:...) or name; empty: the last one used, or the first found */
    record Ble(String device, BleProfile profile, String adapter) implements SensorConfig {
        @Override
        public Kind kind() {
            return Kind.BLE;
        }
    }
}
