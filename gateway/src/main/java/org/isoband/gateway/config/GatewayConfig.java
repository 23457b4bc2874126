package org.isoband.gateway.config;

import org.isoband.core.coach.StrengthPlan;
import org.isoband.core.unit.ForceDisplay;
import java.nio.file.Path;
import java.util.Optional;
import org.isoband.core.coach.TrainingPlan;
import org.isoband.core.sample.Calibration;

/**
 * Everything the gateway is configured with; every part has a default, so an empty file is a working
 * simulated setup. Read by {@link ConfigLoader}; the example file with comments is docs/isoband.example.yaml.
 *
 * @param gateway    this gateway's name in MQTT topics
 * @param band       the band's name in MQTT topics and on the dashboard
 * @param sensor     where samples come from
 * @param calibration raw readings to newtons
 * @param fullScaleN readings at or above this are saturated (infinite: no limit)
 * @param plan       the training plan
 * @param display    where the coach's screen goes
 * @param gpio       buzzer, LED and button pins
 * @param mqtt       the broker
 * @param storage    the gateway's SQLite file (outbox, session progress)
 * @param dashboard  the home dashboard's web server and database
 * @param autostart  whether the plan starts by itself after the notice ({@code plan.autostart})
 * @param audio      the coach's sounds ({@code audio})
 * @param units      the unit force is shown in (the Pi's screen, the dashboard, CSV, analyze), and the body weight
 * @param strength   the maximum test and the force zone of the holds
 * @param bandId     the band's own id ({@code band_id}: a serial number, a label), its identity in Home
 *                   Assistant when it has no BLE address, so renaming it or moving it keeps its history
 */
public record GatewayConfig(
        String gateway,
        String band,
        SensorConfig sensor,
        Calibration calibration,
        double fullScaleN,
        TrainingPlan plan,
        Display display,
        Gpio gpio,
        Mqtt mqtt,
        Path storage,
        Dashboard dashboard,
        Autostart autostart,
        Audio audio,
        ForceDisplay units,
        StrengthPlan strength,
        Optional<String> bandId) {

    /**
     * {@code plan.autostart}: AUTO starts the plan by itself only when the gateway has no input at all (no
     * touch, keyboard or button), ON always, OFF never; after the notice or Begin screen was shown {@code afterS}.
     */
    public record Autostart(Mode mode, double afterS) {
        public enum Mode { AUTO, ON, OFF }
    }

    /** {@code audio}: generated tones for the cues, tones and spoken cues (espeak-ng), or silence. */
    public enum Audio { TONES, VOICE, OFF }

    /**
     * The touchscreen of the framebuffer output ({@code display.touch}).
     *
     * @param enabled    false: no touch input ({@code device: none})
     * @param device     its /dev/input/eventN; empty: found by its capabilities ({@code device: auto})
     * @param xMin       raw axis range, x (the official 7" screen: 0..799)
     * @param rotation   the picture's rotation relative to the panel, degrees clockwise
     * @param eventBytes 24 or 16; 0: what this JVM reads
     */
    public record Touch(boolean enabled, Optional<Path> device, int xMin, int xMax, int yMin, int yMax, int rotation, int eventBytes) {
    }

    /** @param snapshot a PNG file the screen is also drawn to, once a second */
    public record Display(DisplayOutput output, int width, int height, Path framebuffer, Optional<Path> snapshot,
                          Touch touch) {
    }

    /** BCM pin numbers; -1 when not wired. */
    public record Gpio(int buzzer, int led, int button) {
    }

    /**
     * @param url      tcp://host:1883 or ssl://host:8883; empty: no MQTT (the demo starts its own broker)
     * @param protocol "5" (the default) or "3.1.1" for old brokers
     * @param haStatusTopic Home Assistant's birth topic ({@code homeassistant/status}, whatever the discovery prefix)
     */
    public record Mqtt(String url, String username, String password, Path caFile, Path clientCert, Path clientKey,
                       String clientId, String topicPrefix, double forceRateHz,
                       org.isoband.core.mqtt.MqttProtocol protocol, String haStatusTopic) {
        @Override
        public String toString() {
            return "Mqtt[url=" + url + ", username=" + username + ", password=" + (password == null ? "none" : "***")
                    + ", caFile=" + caFile + ", clientId=" + clientId + ", topicPrefix=" + topicPrefix + ", protocol=" + protocol + "]";
        }
    }

    /** @param database a JDBC URL, or a file path for SQLite */
    public record Dashboard(String bind, int port, String database, String token) {
        @Override
        public String toString() {
            return "Dashboard[bind=" + bind + ", port=" + port + ", database=" + database + ", token="
                    + (token == null ? "none" : "***") + "]";
        }
    }
}
