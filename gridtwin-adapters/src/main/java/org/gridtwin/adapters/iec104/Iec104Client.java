package org.gridtwin.adapters.iec104;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.gridtwin.ems.device.DeviceException;

/**
 * An IEC 60870-5-104 controlling station (master) for reading a substation RTU or a plant controller: connects,
 * starts data transfer (STARTDT, confirmed within t1), interrogates every common address it serves (general
 * interrogation, qualifier 20) and then again every {@link Options#interrogationPeriod}, and keeps the latest value
 * of every monitored point it is sent (interrogated, spontaneous, periodic or background): short floats (13, 36),
 * normalized and scaled values (9, 11, 34, 35), integrated totals (15, 37) and single points (1, 30). Float set-point
 * commands (C_SE_NC_1) go out as select then execute, each waiting for its positive confirmation.
 *
 * <p>The link rules (k, w, t1, t2, t3) are {@link Iec104Link}'s. A lost connection fails what waits on it; the next
 * {@link #connect} makes a new one (the device link above decides when, with its back-off).
 */
public final class Iec104Client implements AutoCloseable {
    /**
     * @param interrogationPeriod how often a general interrogation is repeated on a live connection
     * @param zone                the zone the RTU's time tags are in (UTC at most Chinese substations' 104 links
     *                            configured for it; local time at others)
     */
    public record Options(int k, int w, Duration t1, Duration t2, Duration t3, Duration interrogationPeriod,
            ZoneId zone) {
        public static Options defaults() {
            return new Options(12, 8, Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(20),
                    Duration.ofMinutes(15), java.time.ZoneOffset.UTC);
        }

        Iec104Link.Parameters link() {
            return new Iec104Link.Parameters(k, w, t1, t2, t3);
        }
    }

    /**
     * A monitored point's latest value.
     *
     * @param quality    the quality descriptor (0x80 invalid, 0x40 not topical, 0x20 substituted, 0x10 blocked)
     * @param time       its time tag, or when it arrived for types without one
     * @param receivedAt when it arrived
     */
    public record Point(double value, int quality, Instant time, Instant receivedAt) {
        /** Not invalid, not blocked, not substituted and topical: a value to act on. */
        public boolean good() {
            return (quality & 0xF0) == 0;
        }
    }

    private final String host;
    private final int port;
    private final List<Integer> commonAddresses;
    private final Options options;
    private final Clock clock;
    /** One I/O thread for every RTU connection of the process: a few frames a second each. */
    private static final EventLoopGroup GROUP = new NioEventLoopGroup(1, r -> {
        Thread t = new Thread(r, "gridtwin-iec104-client");
        t.setDaemon(true);
        return t;
    });
    private final EventLoopGroup group = GROUP;
    private final Map<Long, Point> points = new ConcurrentHashMap<>();
    private volatile Session session;
    private volatile CompletableFuture<Void> connecting;

    public Iec104Client(String host, int port, List<Integer> commonAddresses, Options options, Clock clock) {
        if (commonAddresses.isEmpty()) {
            throw new IllegalArgumentException("an IEC 104 client needs a common address to interrogate");
        }
        this.host = host;
        this.port = port;
        this.commonAddresses = List.copyOf(commonAddresses);
        this.options = options;
        this.clock = clock;
    }

    public String endpoint() {
        return host + ":" + port;
    }

    private static long key(int commonAddress, int ioa) {
        return (long) commonAddress << 32 | ioa & 0xFFFFFFFFL;
    }

    /** The latest value of a point, or null when none has arrived on any connection. */
    public Point point(int commonAddress, int ioa) {
        return points.get(key(commonAddress, ioa));
    }

    /** Whether data transfer runs on a live connection. */
    public boolean connected() {
        Session s = session;
        return s != null && s.started && s.channel.isActive();
    }

    /**
     * Connects, starts data transfer and completes once every common address has answered its first general
     * interrogation (terminated); at once when connected. Fails with a {@link DeviceException} naming the RTU and the reason.
     */
    public synchronized CompletionStage<Void> connect() {
        if (connected()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> pending = connecting;
        if (pending != null && !pending.isDone()) {
            return pending;
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        connecting = started;
        started.whenComplete((v, e) -> {
            Session s = session;
            if (e != null && s != null && s.startedFuture == started) {
                s.channel.close(); // a connection that did not start is given up, not left open beside the next
            }
        });
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.t1().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Session s = new Session(ch, started);
                        session = s;
                        ch.pipeline().addLast(new Iec104Link.FrameDecoder(), s);
                    }
                }).connect(host, port).addListener(f -> {
                    if (!f.isSuccess()) {
                        started.completeExceptionally(new DeviceException("IEC 104 RTU at " + endpoint()
                                + ": connection failed (" + f.cause().getMessage() + ")"));
                    }
                });
        group.schedule(() -> started.completeExceptionally(new DeviceException("IEC 104 RTU at " + endpoint()
                + ": data transfer not started and interrogated within 2 x t1 = " + 2 * options.t1().toSeconds()
                + " s")), 2 * options.t1().toMillis(), TimeUnit.MILLISECONDS);
        return started;
    }

    /**
     * Completes with the time something was last received, once something has been received within
     * {@code within}: at once when the link was heard that recently, else after a test frame's confirmation (or any
     * other frame). A quiet RTU sends nothing while its values stand still; this is how a poll learns it is alive.
     */
    public CompletionStage<Instant> heard(Duration within) {
        Session s = session;
        if (s == null || !s.channel.isActive()) {
            return CompletableFuture.failedFuture(new DeviceException("IEC 104 RTU at " + endpoint()
                    + ": not connected"));
        }
        return s.heard(within);
    }

    /** Starts a general interrogation of {@code commonAddress}; completes at its termination (cause 10). */
    public CompletionStage<Void> interrogate(int commonAddress) {
        return command(new Asdu(Asdu.Cause.ACTIVATION, false, false, 0, commonAddress,
                List.of(new Asdu.Interrogation(0, 20))), true);
    }

    /**
     * Sends a float set-point (C_SE_NC_1) as select, then execute once the select is confirmed positively;
     * completes at the execute's positive confirmation. A negative confirmation fails it with the RTU's refusal.
     */
    public CompletionStage<Void> setpoint(int commonAddress, int ioa, float value) {
        return command(new Asdu(Asdu.Cause.ACTIVATION, false, false, 0, commonAddress,
                List.of(new Asdu.SetpointFloat(ioa, value, true, 0))), false)
                .thenCompose(v -> command(new Asdu(Asdu.Cause.ACTIVATION, false, false, 0, commonAddress,
                        List.of(new Asdu.SetpointFloat(ioa, value, false, 0))), false));
    }

    private CompletionStage<Void> command(Asdu a, boolean untilTermination) {
        Session s = session;
        if (s == null || !s.started || !s.channel.isActive()) {
            return CompletableFuture.failedFuture(new DeviceException("IEC 104 RTU at " + endpoint()
                    + ": not connected"));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        s.channel.eventLoop().execute(() -> s.send(a, untilTermination, done));
        group.schedule(() -> done.completeExceptionally(new DeviceException("IEC 104 RTU at " + endpoint() + ": "
                + describe(a) + " not confirmed within t1 = " + options.t1().toSeconds() + " s")),
                options.t1().toMillis(), TimeUnit.MILLISECONDS);
        return done;
    }

    private static String describe(Asdu a) {
        Asdu.InfoObject o = a.objects().get(0);
        if (o instanceof Asdu.SetpointFloat sp) {
            return (sp.select() ? "select" : "execute") + " of set-point " + sp.ioa() + " = " + sp.value()
                    + " (common address " + a.commonAddress() + ")";
        }
        return "interrogation of common address " + a.commonAddress();
    }

    /** One connection to the RTU. */
    final class Session extends Iec104Link {
        private final CompletableFuture<Void> startedFuture;
        private volatile boolean started;
        /** Commands awaiting their confirmation, by type and object address. */
        private final Map<CommandKey, Waiting> waiting = new java.util.HashMap<>();
        private final java.util.List<CompletableFuture<Instant>> listeners = new java.util.ArrayList<>();
        private io.netty.util.concurrent.ScheduledFuture<?> periodic;
        /** When the last frame arrived (the client's clock); read on the event loop. */
        private Instant heardAt;

        private record Waiting(Asdu asdu, boolean untilTermination, CompletableFuture<Void> done) {
        }

        /** What a confirmation answers: the command's type, common address and object address. */
        private record CommandKey(int type, int commonAddress, int ioa) {
            static CommandKey of(Asdu a) {
                return new CommandKey(a.typeId(), a.commonAddress(), a.objects().get(0).ioa());
            }
        }

        Session(SocketChannel channel, CompletableFuture<Void> startedFuture) {
            super(channel, options.link());
            this.startedFuture = startedFuture;
        }

        @Override
        public void channelActive(io.netty.channel.ChannelHandlerContext ctx) {
            super.channelActive(ctx);
            sendUnnumbered(Apci.Function.STARTDT_ACT);
        }

        @Override
        public void channelInactive(io.netty.channel.ChannelHandlerContext ctx) {
            super.channelInactive(ctx);
            started = false;
            if (periodic != null) {
                periodic.cancel(false);
            }
            DeviceException lost = new DeviceException("IEC 104 RTU at " + endpoint() + ": connection closed");
            startedFuture.completeExceptionally(lost);
            waiting.values().forEach(w -> w.done().completeExceptionally(lost));
            waiting.clear();
            listeners.forEach(l -> l.completeExceptionally(lost));
            listeners.clear();
        }

        @Override
        protected void unnumbered(Apci.Function f) {
            super.unnumbered(f);
            if (f == Apci.Function.STARTDT_CON && !started) {
                started = true;
                // connected once every common address has answered its first interrogation: the first read then
                // finds the points
                CompletableFuture.allOf(interrogateAll()).whenComplete((v, e) -> {
                    if (e == null) {
                        startedFuture.complete(null);
                    } else {
                        startedFuture.completeExceptionally(e instanceof java.util.concurrent.CompletionException
                                && e.getCause() != null ? e.getCause() : e);
                    }
                });
                long every = options.interrogationPeriod().toMillis();
                periodic = channel.eventLoop().scheduleAtFixedRate(() -> interrogateAll(), every, every,
                        TimeUnit.MILLISECONDS);
            }
            heardNow();
        }

        private CompletableFuture<?>[] interrogateAll() {
            CompletableFuture<?>[] all = new CompletableFuture<?>[commonAddresses.size()];
            for (int i = 0; i < all.length; i++) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                send(new Asdu(Asdu.Cause.ACTIVATION, false, false, 0, commonAddresses.get(i),
                        List.of(new Asdu.Interrogation(0, 20))), true, done);
                all[i] = done;
            }
            return all;
        }

        @Override
        protected void received() {
            heardAt = clock.instant();
        }

        CompletionStage<Instant> heard(Duration within) {
            CompletableFuture<Instant> f = new CompletableFuture<>();
            channel.eventLoop().execute(() -> {
                if (heardAt != null && System.nanoTime() - lastReceivedNanos() <= within.toNanos()) {
                    f.complete(heardAt);
                    return;
                }
                listeners.add(f);
                test();
            });
            return f;
        }

        private void heardNow() {
            if (!listeners.isEmpty()) {
                listeners.forEach(l -> l.complete(heardAt));
                listeners.clear();
            }
        }

        void send(Asdu a, boolean untilTermination, CompletableFuture<Void> done) {
            Waiting before = waiting.put(CommandKey.of(a), new Waiting(a, untilTermination, done));
            if (before != null) {
                before.done().completeExceptionally(new DeviceException("IEC 104 RTU at " + endpoint() + ": "
                        + describe(before.asdu()) + " superseded before its confirmation"));
            }
            queue(a.encode(options.zone()));
        }

        @Override
        protected void information(byte[] frame) {
            heardNow();
            Asdu a;
            try {
                a = Asdu.decode(frame, 4, frame.length - 4, options.zone());
            } catch (Iec104Exception e) {
                return; // a type this client does not read: skipped, the link stays up
            }
            Instant now = clock.instant();
            switch (a.cause()) {
                case ACTIVATION_CON, DEACTIVATION_CON, ACTIVATION_TERM, UNKNOWN_TYPE, UNKNOWN_CAUSE,
                        UNKNOWN_COMMON_ADDRESS, UNKNOWN_OBJECT_ADDRESS -> confirmation(a);
                default -> {
                    for (Asdu.InfoObject o : a.objects()) {
                        monitored(a.commonAddress(), o, now);
                    }
                }
            }
        }

        private void monitored(int ca, Asdu.InfoObject o, Instant now) {
            Point p;
            if (o instanceof Asdu.ShortFloat f) {
                p = new Point(f.value(), f.quality(), f.time() != null ? f.time() : now, now);
            } else if (o instanceof Asdu.Measured m) {
                p = new Point(m.value(), m.quality(), m.time() != null ? m.time() : now, now);
            } else if (o instanceof Asdu.SinglePoint sp) {
                p = new Point(sp.on() ? 1 : 0, sp.quality(), sp.time() != null ? sp.time() : now, now);
            } else {
                return; // end of initialization and the like
            }
            points.put(key(ca, o.ioa()), p);
        }

        private void confirmation(Asdu a) {
            CommandKey k = CommandKey.of(a);
            Waiting w = waiting.get(k);
            if (w == null) {
                return;
            }
            if (a.negative() || a.cause().code() >= Asdu.Cause.UNKNOWN_TYPE.code()) {
                waiting.remove(k);
                w.done().completeExceptionally(new DeviceException("IEC 104 RTU at " + endpoint() + " refused the "
                        + describe(w.asdu()) + " (cause " + a.cause().code() + (a.negative() ? ", negative" : "")
                        + ")"));
                return;
            }
            if (a.cause() == Asdu.Cause.ACTIVATION_TERM || !w.untilTermination()) {
                waiting.remove(k);
                w.done().complete(null);
            }
        }
    }

    /** Drops the connection; the next {@link #connect} makes a new one. */
    @Override
    public void close() {
        Session s = session;
        if (s != null) {
            s.channel.close();
        }
    }
}
