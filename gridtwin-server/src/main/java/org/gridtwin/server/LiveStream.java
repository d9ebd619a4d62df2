package org.gridtwin.server;

import io.javalin.http.sse.SseClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Server-Sent Events: every connected client gets the fleet's live state as a {@code live} event, at most once per
 * period and only when it changed. A slow or gone client is dropped, never waited for by the control loop.
 *
 * <p>Every write to a client happens on the stream's one thread. Javalin's comment write takes no lock while its
 * event write does, so a keep-alive comment written by the timer while a request thread was sending a client's first
 * event could land between that event's {@code event:} and {@code data:} lines and break it.
 */
final class LiveStream implements AutoCloseable {
    private final Supplier<Snapshot> latest;
    private final Metrics metrics;
    private final CopyOnWriteArrayList<SseClient> clients = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gridtwin-stream");
        t.setDaemon(true);
        return t;
    });
    private Snapshot sent;

    /** @param periodMillis how often the state is sent (when it changed) or a keep-alive comment (when not) */
    LiveStream(Supplier<Snapshot> latest, Metrics metrics, long periodMillis) {
        this.latest = latest;
        this.metrics = metrics;
        timer.scheduleAtFixedRate(this::broadcast, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    void connect(SseClient client) {
        client.keepAlive();
        client.onClose(() -> {
            clients.remove(client);
            metrics.streamClients.set(clients.size());
        });
        timer.execute(() -> {
            // a new page draws at once, not after the next period; only then does the client join the broadcast
            client.sendEvent("live", text(latest.get()));
            if (!client.terminated()) {
                clients.add(client);
                metrics.streamClients.set(clients.size());
            }
        });
    }

    private static String text(Snapshot s) {
        return new String(s.live(), StandardCharsets.UTF_8);
    }

    private void broadcast() {
        Snapshot s = latest.get();
        if (s == sent) {
            // keep idle connections open through proxies that close silent ones
            for (SseClient c : clients) {
                c.sendComment("idle");
            }
            return;
        }
        sent = s;
        String data = text(s);
        for (SseClient c : clients) {
            if (c.terminated()) {
                clients.remove(c);
            } else {
                c.sendEvent("live", data);
            }
        }
        metrics.streamClients.set(clients.size());
    }

    int clients() {
        return clients.size();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (SseClient c : clients) {
            c.close();
        }
    }
}
