package org.isoband.dashboard.web;

import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.isoband.core.message.ForceBatch;
import org.isoband.core.message.SessionSummary;
import org.isoband.core.message.StateMessage;
import org.isoband.dashboard.ingest.IngestListener;
import org.isoband.dashboard.store.StoredRep;

/**
 * Pushes what the ingest sees to every open page over server-sent events: {@code status}, {@code state},
 * {@code force}, {@code rep} and {@code session} events whose data is the same JSON as the API's.
 *
 * <p>The MQTT thread only enqueues; one sender thread writes to the browsers, so a slow phone on Wi-Fi cannot
 * hold up storing reps. When the queue is full (a browser stalled for seconds), events are dropped and counted;
 * a page that missed a rep finds it on its next reload from the API, which is the truth.
 */
public final class LiveBroadcast implements IngestListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveBroadcast.class);
    private static final int QUEUE = 2000;
    private static final long HEARTBEAT_S = 15;

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), r -> daemon(r, "dashboard-sse"), (task, pool) -> dropped());
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "dashboard-sse-heartbeat"));
    private final AtomicLong droppedEvents = new AtomicLong();

    public LiveBroadcast() {
        // A comment line now and then keeps proxies from closing an idle stream and finds the closed ones.
        heartbeat.scheduleAtFixedRate(() -> sender.execute(() -> {
            for (SseClient c : clients) {
                send(c, null, null);
            }
        }), HEARTBEAT_S, HEARTBEAT_S, TimeUnit.SECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void dropped() {
        if (droppedEvents.getAndIncrement() == 0) {
            LOG.warn("a browser is not keeping up with the live events; dropping some (counted)");
        }
    }

    /** Registers an open page; it gets {@code hello} with the current live state first. */
    void join(SseClient client, String hello) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        sender.execute(() -> {
            if (send(client, "hello", hello)) {
                clients.add(client);
            }
        });
    }

    public int clients() {
        return clients.size();
    }

    public long droppedEvents() {
        return droppedEvents.get();
    }

    private void broadcast(String event, String data) {
        sender.execute(() -> {
            for (SseClient c : clients) {
                send(c, event, data);
            }
        });
    }

    private boolean send(SseClient c, String event, String data) {
        try {
            if (c.terminated()) {
                clients.remove(c);
                return false;
            }
            if (event == null) {
                c.sendComment("keep-alive");
            } else {
                c.sendEvent(event, data);
            }
            return true;
        } catch (RuntimeException e) {
            clients.remove(c);
            return false;
        }
    }

    @Override
    public void status(String gateway, boolean online) {
        broadcast("status", ApiJson.status(gateway, online).toString());
    }

    @Override
    public void state(StateMessage state) {
        broadcast("state", state.toJson());
    }

    @Override
    public void force(ForceBatch batch) {
        broadcast("force", batch.toJson());
    }

    @Override
    public void rep(StoredRep rep) {
        broadcast("rep", ApiJson.rep(rep).toString());
    }

    @Override
    public void session(SessionSummary summary) {
        broadcast("session", summary.toJson());
    }

    @Override
    public void maxTest(org.isoband.core.message.MaxTestMessage test) {
        broadcast("max_test", test.toJson());
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        sender.shutdownNow();
        for (SseClient c : clients) {
            try {
                c.close();
            } catch (RuntimeException e) {
                // already gone
            }
        }
        clients.clear();
    }
}
