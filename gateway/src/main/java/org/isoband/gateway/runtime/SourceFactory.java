package org.isoband.gateway.runtime;

import com.pi4j.context.Context;
import java.time.Duration;
import org.isoband.device.ble.BleConfig;
import org.isoband.device.ble.BleSource;
import org.isoband.device.gpio.Ads1115Config;
import org.isoband.device.gpio.Ads1115Source;
import org.isoband.device.gpio.ElongationTable;
import org.isoband.device.gpio.GpioUnavailableException;
import org.isoband.device.gpio.Hx711Config;
import org.isoband.device.gpio.Hx711Gain;
import org.isoband.device.gpio.Hx711Source;
import org.isoband.device.gpio.Pi4jPins;
import org.isoband.device.replay.ReplaySource;
import org.isoband.device.sim.SensorModel;
import org.isoband.device.sim.SimulatedSession;
import org.isoband.device.sim.SimulatedSource;
import org.isoband.device.source.SampleSource;
import org.isoband.gateway.config.GatewayConfig;
import org.isoband.gateway.config.SensorConfig;

/** The sample source the configuration names: one case per {@link SensorConfig.Kind}. */
public final class SourceFactory {
    private SourceFactory() {
    }

    public static SampleSource open(GatewayConfig config) {
        return open(config.sensor(), config);
    }

    /** The source {@code s} names; calibration and the storage folder (for BLE's memory) from {@code config}. */
    public static SampleSource open(SensorConfig s, GatewayConfig config) {
        try {
            // Each case casts to the record of its own kind (Java 17 has no pattern switch); no default branch:
            // a new kind does not compile until it has its case.
            return switch (s.kind()) {
                case SIM -> sim((SensorConfig.Sim) s);
                case REPLAY -> new ReplaySource(((SensorConfig.Replay) s).file(), ((SensorConfig.Replay) s).speed(), 80);
                case HX711 -> hx711((SensorConfig.Hx711) s, config);
                case ADS1115 -> ads1115((SensorConfig.Ads1115) s, config);
                case BLE -> ble((SensorConfig.Ble) s, config);
            };
        } catch (GpioUnavailableException e) {
            throw new SensorUnavailableException(e.getMessage() + " (try sensor.kind: sim to run without the sensor; 'isoband doctor' checks the machine)");
        } catch (IllegalArgumentException e) {
            throw new SensorUnavailableException("sensor." + s.kind().yamlName() + ": " + e.getMessage());
        }
    }

    private static SampleSource sim(SensorConfig.Sim s) {
        return new SimulatedSource(new SimulatedSession(s.scenario(), s.seed(), SensorModel.loadCell(80)), s.speed());
    }

    private static SampleSource ble(SensorConfig.Ble b, GatewayConfig config) {
        return new BleSource(BleConfig.of(b.device(), b.profile(), b.adapter())
                .withMemory(config.storage().resolveSibling("last-ble-device")));
    }

    private static SampleSource hx711(SensorConfig.Hx711 h, GatewayConfig config) throws GpioUnavailableException {
        Hx711Config hx = new Hx711Config(h.doutPin(), h.sckPin(), Hx711Gain.of(h.gain()), h.rateHz(),
                Duration.ofSeconds(1), 50);
        Context pi4j = Pi4jPins.onPi();
        return Hx711Source.open(pi4j, hx, config.calibration());
    }

    private static SampleSource ads1115(SensorConfig.Ads1115 a, GatewayConfig config) throws GpioUnavailableException {
        Ads1115Config d = Ads1115Config.defaults();
        Ads1115Config ads = new Ads1115Config(a.bus(), a.address(), d.input(), d.range(), a.dataRateSps(), a.rateHz(),
                d.readTimeout(), d.stuckAfter());
        ElongationTable table = new ElongationTable(a.tableRaw().stream().mapToDouble(Double::doubleValue).toArray(),
                a.tableMm().stream().mapToDouble(Double::doubleValue).toArray());
        return Ads1115Source.open(Pi4jPins.onPi(), ads, table, config.calibration());
    }
}
