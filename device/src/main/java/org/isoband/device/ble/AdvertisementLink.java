package org.isoband.device.ble;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sensor that never connects (the crane scale): its readings are the manufacturer data of its advertisements, so
 * the discovery stays on. Silence for {@link BleTimings#advertSilence()} makes the link LOST while it keeps
 * listening; the next advertisement makes it STREAMING again. Only BlueZ going away ends it with an error.
 */
final class AdvertisementLink implements SensorLink {
    private static final Logger LOG = LoggerFactory.getLogger(AdvertisementLink.class);

    private final DeviceKind kind;
    private final LinkPlan.Advertised plan;
    private final LinkContext context;
    private final BlueZ b;

    AdvertisementLink(DeviceKind kind, LinkPlan.Advertised plan, LinkContext context, BlueZ bluez) {
        this.kind = kind;
        this.plan = plan;
        this.context = context;
        this.b = bluez;
    }

    @Override
    public void run(Advertisement target, Discovery discovery) throws BleException, InterruptedException {
        String label = target.label();
        FrameStream frames = context.newStream(kind, label);
        var sink = context.delivery.forLink(label);
        CompletableFuture<LinkEnd> ended = new CompletableFuture<>();
        long[] lastAdvert = {System.nanoTime()};
        BlueZ.Listener listener = new BlueZ.Listener() {
            @Override
            public void propertiesChanged(String path, String iface, Map<String, Object> changed,
                    List<String> invalidated, long arrivalNanos) {
                if (BlueZ.DEVICE.equals(iface) && path.equals(target.path())) {
                    advertised(changed, arrivalNanos);
                }
            }

            @Override
            public void interfacesAdded(String path, Map<String, Map<String, Object>> interfaces) {
                // BlueZ may drop a device it has not heard for a while and add it again with the next advertisement.
                if (path.equals(target.path()) && interfaces.containsKey(BlueZ.DEVICE)) {
                    advertised(interfaces.get(BlueZ.DEVICE), System.nanoTime());
                }
            }

            private void advertised(Map<String, Object> props, long arrivalNanos) {
                if (props.get("ManufacturerData") instanceof Map<?, ?> data
                        && data.get(plan.companyId()) instanceof byte[] payload) {
                    lastAdvert[0] = arrivalNanos;
                    if (context.running()) {
                        frames.accept(payload, arrivalNanos, sink);
                    }
                }
            }

            @Override
            public void bluezGone(String why) {
                ended.complete(new LinkEnd.Dropped(why));
            }
        };
        AutoCloseable registration = b.listen(listener);
        try {
            context.memory.remember(target.address());
            Duration silence = context.config.timings().advertSilence();
            while (true) {
                LinkEnd end = context.awaitEnd(ended, () -> {
                    if (frames.samples() > 0) {
                        context.backoff.reset();
                    }
                    return System.nanoTime() - lastAdvert[0] > silence.toNanos()
                            ? Optional.of(new LinkEnd.Silent(silence)) : Optional.empty();
                });
                if (end instanceof LinkEnd.Stopped) {
                    LOG.info("{}: stopped after {}", label, frames.summary());
                    return;
                }
                if (end instanceof LinkEnd.Dropped dropped) {
                    throw new BleLinkException(BleLinkException.Problem.DISCONNECTED, label, label + ": "
                            + dropped.why());
                }
                context.delivery.loseIfStreaming(label + ": no advertisement for " + silence.toSeconds()
                        + " s (switched off, out of range, or its battery is flat); listening on");
                lastAdvert[0] = System.nanoTime();
            }
        } finally {
            GattLink.closeQuietly(registration);
        }
    }
}
