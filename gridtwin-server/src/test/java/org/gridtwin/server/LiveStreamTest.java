package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The live stream on a real Javalin server, read as raw bytes so that the event framing itself is checked. */
class LiveStreamTest {
    static final String STATE = "{\"cycles\":1}";

    /**
     * Keep-alive comments every millisecond while clients connect: each client's first event must still arrive
     * whole, its {@code event:} and {@code data:} lines together. Comments may come before it (the SSE format
     * allows them anywhere between events), never inside it.
     */
    @Test
    void theFirstEventIsWholeWhileKeepAlivesAreWritten() throws Exception {
        Snapshot constant = new Snapshot(Instant.EPOCH, STATE.getBytes(StandardCharsets.UTF_8), Map.of(), new byte[0]);
        LiveStream stream = new LiveStream(() -> constant, new Metrics(), 1);
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.sse("/stream", stream::connect);
        }).start("127.0.0.1", 0);
        try {
            URI uri = URI.create("http://127.0.0.1:" + app.port() + "/stream");
            for (int i = 0; i < 150; i++) {
                assertThat(firstEventLines(uri)).as("client %d", i).containsExactly("event: live", "data: " + STATE);
            }
        } finally {
            // the stream's clients close before the server stops, as in ApiServer.close
            stream.close();
            app.stop();
        }
    }

    /** The lines of the first event on a new connection, comments before it skipped. */
    static List<String> firstEventLines(URI stream) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(stream)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build();
        HttpResponse<Stream<String>> r = client.send(req, HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        List<String> event = new ArrayList<>();
        try (Stream<String> lines = r.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (!event.isEmpty()) {
                        return event;
                    }
                } else if (!(event.isEmpty() && line.startsWith(":"))) {
                    event.add(line);
                }
            }
        }
        return event;
    }
}
