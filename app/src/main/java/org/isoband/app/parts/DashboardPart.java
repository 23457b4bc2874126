package org.isoband.app.parts;

import org.isoband.dashboard.Dashboard;
import org.isoband.dashboard.DashboardSettings;
import org.isoband.dashboard.RunningDashboard;
import org.isoband.gateway.runtime.Part;
import org.isoband.gateway.runtime.PartContext;

/** The home dashboard in this process: the demo's, or {@code isoband dashboard} on its own. */
public final class DashboardPart implements Part {
    private final DashboardSettings settings;
    private RunningDashboard running;

    public DashboardPart(DashboardSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "dashboard";
    }

    /** A port taken or a database that cannot be opened is a {@code DashboardException}: the user's to fix. */
    @Override
    public void start(PartContext context) {
        running = Dashboard.start(settings);
    }

    /** Where it listens, once started: {@code http://127.0.0.1:8080/}. */
    public String url() {
        return running.url();
    }

    @Override
    public void stop() {
        running.close();
    }
}
