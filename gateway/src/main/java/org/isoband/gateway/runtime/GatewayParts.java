package org.isoband.gateway.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.isoband.gateway.config.GatewayConfig;
import org.isoband.gateway.config.SensorConfig;
import org.isoband.gateway.mqtt.HomeAssistantOptions;
import org.isoband.gateway.display.CoachScreen;
import org.isoband.gateway.display.DashboardLink;
import org.isoband.gateway.display.DashboardPage;
import org.isoband.gateway.doctor.Doctor;
import org.isoband.gateway.doctor.MachineView;
import org.isoband.gateway.display.Display;
import org.isoband.gateway.display.DisplayChooser;
import org.isoband.gateway.display.PngSnapshots;
import org.isoband.gateway.mqtt.MqttConfig;

/**
 * The one place the parts a configuration asks for are created, in the order they start: MQTT (when a broker
 * is named), the buzzer/LED/button (when a pin is set), the coach's screen, the PNG snapshot (when a file is
 * named), the audio cues (unless {@code audio: off}). A part the configuration does not ask for is absent, not a part that does nothing.
 */
public final class GatewayParts {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayParts.class);
    private static final Pattern BLE_ADDRESS = Pattern.compile("([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}");
    private final List<Part> all;
    private final ScreenPart screen;
    private final Optional<AudioPart> audio;

    private GatewayParts(GatewayConfig cfg, Optional<String> dashboardUrl) {
        this.all = new ArrayList<>();
        mqtt(cfg, dashboardUrl).ifPresent(all::add);
        if (GpioPart.wanted(cfg.gpio())) {
            all.add(new GpioPart(cfg.gpio()));
        }
        GatewayConfig.Display d = cfg.display();
        DashboardPage page = new DashboardPage(phoneDashboard(cfg, MachineView.LOCAL), System::nanoTime);
        this.screen = new ScreenPart("screen",
                controls -> DisplayChooser.choose(d.output(), d.width(), d.height(), d.framebuffer(), controls, d.touch()), 25, page);
        all.add(screen);
        this.audio = AudioPart.of(cfg.audio());
        audio.ifPresent(all::add);
        d.snapshot().ifPresent(file -> all.add(new ScreenPart("snapshot",
                controls -> Optional.<Display>of(new PngSnapshots(new CoachScreen(d.width(), d.height()), file)), 1, page)));
    }

    /**
     * The dashboard's address for phones (the doctor's: only when {@code dashboard.bind} opens it to the home
     * network), for the screen's Phone page; none when it listens on this machine only.
     */
    static Optional<DashboardLink> phoneDashboard(GatewayConfig cfg, MachineView machine) {
        try {
            return DashboardLink.of(new Doctor(machine).dashboardUrl(cfg));
        } catch (IllegalArgumentException e) {
            LOG.warn("the dashboard's address is not shown on the screen: " + e.getMessage());
            return Optional.empty();
        }
    }

    public static GatewayParts of(GatewayConfig cfg) {
        return new GatewayParts(cfg, Optional.empty());
    }

    /** @param dashboardUrl the home dashboard's address when it runs beside the gateway (Home Assistant links to it) */
    public static GatewayParts of(GatewayConfig cfg, Optional<String> dashboardUrl) {
        return new GatewayParts(cfg, dashboardUrl);
    }

    /** The parts, in start order. */
    public List<Part> list() {
        return List.copyOf(all);
    }

    /** The coach's screen, to say where it went. */
    public ScreenPart screen() {
        return screen;
    }

    /** The coach's sounds in a few words ("tones", "no sound device (...)", "off"), known once started. */
    public String audio() {
        return audio.map(AudioPart::describe).orElse("off");
    }

    /** The MQTT side when the configuration names a broker; its outbox lives in the gateway's SQLite file. */
    private static Optional<MqttLink> mqtt(GatewayConfig cfg, Optional<String> dashboardUrl) {
        GatewayConfig.Mqtt m = cfg.mqtt();
        if (m.url().isEmpty()) {
            return Optional.empty();
        }
        MqttConfig config = MqttConfig.of(m.url(), cfg.gateway(), List.of(cfg.band()), cfg.storage())
                .withCredentials(m.username(), m.password())
                .withTls(m.caFile(), m.clientCert(), m.clientKey())
                .withClientId(m.clientId())
                .withTopicPrefix(m.topicPrefix())
                .withForceRate(m.forceRateHz())
                .withProtocol(m.protocol());
        // The band's configured id, else its BLE address, is its identity in Home Assistant (HomeAssistantOptions).
        String address = cfg.sensor() instanceof SensorConfig.Ble ble ? ble.device() : "";
        String id = cfg.bandId().orElse(BLE_ADDRESS.matcher(address).matches() ? address : null);
        HomeAssistantOptions ha = HomeAssistantOptions.defaults().withStatusTopic(m.haStatusTopic())
                .withHardwareId(cfg.band(), id)
                .withDashboard(dashboardUrl.orElse(null));
        return Optional.of(new MqttLink(config, ha, cfg.band(), cfg.plan().holdTargetS()));
    }
}
