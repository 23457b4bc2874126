package org.isoband.gateway.runtime;

import com.pi4j.context.Context;
import java.time.Duration;
import org.isoband.device.ble.BleConfig;
import org.isoband.device.ble.BleProfile;
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
import org.isoband.device.sim.Scenario;
import org.isoband.device.sim.SensorModel;
import org.isoband.device.sim.SimulatedSession;
import org.isoband.device.sim.SimulatedSource;
import org.isoband.device.source.SampleSource;
import org.isoband.gateway.config.GatewayConfig;

/** The sample source the configuration names. */
public final class SourceFactory {
    private SourceFactory() {
    }

    public static SampleSource open(GatewayConfig config) {
        return open(config.sensor(), config);
    }

    /** The source {@code s} names; calibration and the storage folder (for BLE's memory) from {@code config}. */
    public static SampleSource open(GatewayConfig.Sensor s, GatewayConfig config) {
        try {
            return switch (s.kind()) {
                case "sim" -> new SimulatedSource(new SimulatedSession(Scenario.fromCliName(s.scenario()), s.seed(),
                        SensorModel.loadCell(80)), s.speed());
                case "replay" -> new ReplaySource(s.replayFile(), s.speed(), 80);
                case "hx711" -> hx711(s.hx711(), config);
                case "ads1115" -> ads1115(s.ads1115(), config);
                case "ble" -> new BleSource(BleConfig.of(s.ble().device(), BleProfile.fromCliName(s.ble().profile()),
                        s.ble().adapter()).withMemory(config.storage().resolveSibling("last-ble-device")));
                default -> throw new IllegalStateException("the configuration allowed an unknown sensor kind: " + s.kind());
            };
        } catch (GpioUnavailableException e) {
            throw new SensorUnavailableException(e.getMessage() + " (try sensor.kind: sim to run without the sensor; 'isoband doctor' checks the machine)");
        } catch (IllegalArgumentException e) {
            throw new SensorUnavailableException("sensor." + s.kind() + ": " + e.getMessage());
        }
    }

    private static SampleSource hx711(GatewayConfig.Hx711 h, GatewayConfig config) throws GpioUnavailableException {
        Hx711Config hx = new Hx711Config(h.doutPin(), h.sckPin(), Hx711Gain.of(h.gain()), h.rateHz(),
                Duration.ofSeconds(1), 50);
        Context pi4j = Pi4jPins.onPi();
        return Hx711Source.open(pi4j, hx, config.calibration());
    }

    private static SampleSource ads1115(GatewayConfig.Ads1115 a, GatewayConfig config) throws GpioUnavailableException {
        Ads1115Config d = Ads1115Config.defaults();
        Ads1115Config ads = new Ads1115Config(a.bus(), a.address(), d.input(), d.range(), a.dataRateSps(), a.rateHz(),
                d.readTimeout(), d.stuckAfter());
        ElongationTable table = new ElongationTable(a.tableRaw().stream().mapToDouble(Double::doubleValue).toArray(),
                a.tableMm().stream().mapToDouble(Double::doubleValue).toArray());
        return Ads1115Source.open(Pi4jPins.onPi(), ads, table, config.calibration());
    }
}
