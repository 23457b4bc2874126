package org.isoband.device.ble;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.isoband.core.retry.Backoff;

/**
 * What a {@link SensorLink} shares with its {@link BleSource}: the configuration, whether the source still runs,
 * the one sink, the backoff (reset once data flows), the remembered device and the links' statistics.
 */
final class LinkContext {
    /** How often a link checks for a stop, its end or silence. */
    private static final long POLL_MILLIS = 100;

    final BleConfig config;
    final Delivery delivery;
    final Backoff.Attempts backoff;
    final RememberedDevice memory;
    private final BooleanSupplier running;
    private final List<FrameStream> links;

    LinkContext(BleConfig config, BooleanSupplier running, Delivery delivery, Backoff.Attempts backoff,
            RememberedDevice memory, List<FrameStream> links) {
        this.config = config;
        this.running = running;
        this.delivery = delivery;
        this.backoff = backoff;
        this.memory = memory;
        this.links = links;
    }

    boolean running() {
        return running.getAsBoolean();
    }

    /** A new link's frames, counted in the source's statistics. */
    FrameStream newStream(DeviceKind kind, String label) {
        FrameStream frames = new FrameStream(kind, label);
        links.add(frames);
        return frames;
    }

    /**
     * Waits for the link's end: a stop, {@code ended} completing (the listener saw the connection go), or
     * {@code check} finding a reason, polled every {@value #POLL_MILLIS} ms.
     */
    LinkEnd awaitEnd(CompletableFuture<LinkEnd> ended, Supplier<Optional<LinkEnd>> check)
            throws InterruptedException {
        while (running()) {
            try {
                return ended.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                Optional<LinkEnd> end = check.get();
                if (end.isPresent()) {
                    return end.get();
                }
            } catch (ExecutionException e) {
                return new LinkEnd.Dropped(String.valueOf(e.getCause()));
            } catch (InterruptedException e) {
                if (running()) {
                    throw e;
                }
            }
        }
        return new LinkEnd.Stopped();
    }
}
