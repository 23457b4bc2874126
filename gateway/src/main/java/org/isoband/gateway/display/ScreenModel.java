package org.isoband.gateway.display;

import java.util.Optional;
import org.isoband.core.coach.CoachState;
import org.isoband.core.coach.CoachView;
import org.isoband.core.detect.HoldState;
import org.isoband.core.unit.ForceUnit;
import org.isoband.device.source.BatteryLevel;
import org.isoband.device.source.LinkState;

/**
 * One frame's worth of what the athlete should see.
 *
 * @param coach         the coach's view (plan position, rest, message, reason)
 * @param live          the detector's live state (phase, steady seconds, level, rest tension, steady band)
 * @param trace         the last seconds of force
 * @param link          the sensor link
 * @param broker        the MQTT link in words ("connected", "offline (3 queued)", "off")
 * @param unit          the unit force is shown in (the configuration's {@code units.force})
 * @param battery       the sensor's battery as it last reported it; empty when it reports none
 * @param dashboard     the home dashboard's address for phones; empty when none is open to the home network
 * @param dashboardPage whether the page with the dashboard's QR code is up ({@link DashboardPage})
 */
public record ScreenModel(CoachView coach, HoldState live, ForceHistory.Trace trace, LinkState link, String broker,
                          ForceUnit unit, Optional<BatteryLevel> battery, Optional<DashboardLink> dashboard,
                          boolean dashboardPage) {

    public ScreenModel {
        if (dashboardPage && dashboard.isEmpty()) {
            throw new IllegalArgumentException("the dashboard's page needs a dashboard");
        }
    }

    /** No battery report, no dashboard. */
    public ScreenModel(CoachView coach, HoldState live, ForceHistory.Trace trace, LinkState link, String broker,
                       ForceUnit unit) {
        this(coach, live, trace, link, broker, unit, Optional.empty(), Optional.empty(), false);
    }

    /** Force in newtons. */
    public ScreenModel(CoachView coach, HoldState live, ForceHistory.Trace trace, LinkState link, String broker) {
        this(coach, live, trace, link, broker, ForceUnit.N);
    }

    public ScreenModel withBattery(Optional<BatteryLevel> level) {
        return new ScreenModel(coach, live, trace, link, broker, unit, level, dashboard, dashboardPage);
    }

    public ScreenModel withDashboard(Optional<DashboardLink> phoneDashboard, boolean page) {
        return new ScreenModel(coach, live, trace, link, broker, unit, battery, phoneDashboard, page);
    }

    /** The battery in a few words for the status line ("battery 80 %"), when the sensor reports one. */
    public Optional<String> batteryNote() {
        return battery.map(b -> "battery " + b.percent() + " %");
    }

    /**
     * The warning before the plan starts (the notice and the Begin screen) when the battery is low (under
     * {@value BatteryLevel#LOW_PERCENT} %): a gauge that dies mid-set loses the rep, so it is said while there
     * is still time to charge it; once training, the low level only colours the status line.
     */
    public Optional<String> lowBatteryWarning() {
        boolean beforePlan = coach.state() == CoachState.SAFETY_NOTICE || coach.state() == CoachState.BEGIN;
        return battery.filter(b -> b.low() && beforePlan)
                .map(b -> "Sensor battery " + b.percent() + " %: charge it before a session");
    }

    /** Whether the battery is known and low (the status line shows it in the warning colour). */
    public boolean batteryLow() {
        return battery.map(BatteryLevel::low).orElse(false);
    }

    /** Whether the Begin screen offers the dashboard's page (a Phone button, the d key). */
    public boolean offersDashboard() {
        return dashboard.isPresent() && coach.state() == CoachState.BEGIN && !dashboardPage;
    }
}
