package org.isoband.gateway.cli;

import picocli.CommandLine.Command;

/** The zero-setup demo: simulated band, embedded broker, display and dashboard. Not built yet. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Play a simulated athlete training with the band: live display, embedded MQTT broker and",
            "home dashboard, with no setup. (Not yet: comes with the coach and display.)"
        })
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("isoband demo: not yet. The simulator, coach and display are still being built;");
        System.out.println("meanwhile try:  ./isoband analyze core/src/test/resources/traces/hx711-00.csv --summary");
        return 0;
    }
}
