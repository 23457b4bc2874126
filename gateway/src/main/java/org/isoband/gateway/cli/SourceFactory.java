package org.isoband.gateway.cli;

import org.isoband.device.replay.ReplaySource;
import org.isoband.device.sim.Scenario;
import org.isoband.device.sim.SensorModel;
import org.isoband.device.sim.SimulatedSession;
import org.isoband.device.sim.SimulatedSource;
import org.isoband.device.source.SampleSource;
import org.isoband.gateway.config.GatewayConfig;

/** The sample source the configuration names. */
final class SourceFactory {
    private SourceFactory() {
    }

    static SampleSource open(GatewayConfig config) {
        GatewayConfig.Sensor s = config.sensor();
        return switch (s.kind()) {
            case "sim" -> new SimulatedSource(new SimulatedSession(Scenario.fromCliName(s.scenario()), s.seed(),
                    SensorModel.loadCell(80)), s.speed());
            case "replay" -> new ReplaySource(s.replayFile(), s.speed(), 80);
            default -> throw new UserError("sensor kind '" + s.kind() + "' is not supported by this build yet");
        };
    }
}
