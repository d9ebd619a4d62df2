package org.gridtwin.adapters.iec104;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IEC 60870-5-104 controlled station (outstation) on Netty 4.1: answers a general interrogation with every
 * point (cause 20, between the activation confirmation and termination), sends changed points spontaneously
 * (cause 3, time-tagged) once data transfer is started, accepts float setpoints with select-before-operate and clock
 * synchronization; the link rules of clause 5 (k, w, t1, t2, t3) are {@link Iec104Link}'s.
 */
public final class Iec104Station implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Iec104Station.class);

    /**
     * Link parameters (clause 5.5 and 9.6; the defaults are the standard's).
     *
     * @param selectTimeout how long a select waits for its execute
     * @param scan          how often the points are compared with what each connection was sent
     */
    public record Options(int k, int w, Duration t1, Duration t2, Duration t3, Duration selectTimeout, ZoneId zone,
            Duration scan) {
        public static Options defaults() {
            return new Options(12, 8, Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(20),
                    Duration.ofSeconds(30), java.time.ZoneOffset.UTC, Duration.ofSeconds(1));
        }

        public Options withScan(Duration d) {
            return new Options(k, w, t1, t2, t3, selectTimeout, zone, d);
        }

        Iec104Link.Parameters link() {
            return new Iec104Link.Parameters(k, w, t1, t2, t3);
        }
    }

    private final List<StationPoints> stations;
    private final Options options;
    private final Clock clock;
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(1);
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private Channel server;
    private ScheduledFuture<?> scan;

    public Iec104Station(List<StationPoints> stations, Options options, Clock clock) {
        this.stations = List.copyOf(stations);
        this.options = options;
        this.clock = clock;
    }

    /** Binds and starts scanning the points for changes ({@link Options#scan}). */
    public Iec104Station start(String host, int port) throws InterruptedException {
        server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Session s = new Session(ch);
                        sessions.add(s);
                        ch.closeFuture().addListener(f -> sessions.remove(s));
                        ch.pipeline().addLast(new Iec104Link.FrameDecoder(), s);
                    }
                }).bind(host, port).sync().channel();
        long every = options.scan().toMillis();
        scan = workers.scheduleAtFixedRate(this::spontaneous, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    public int port() {
        return ((java.net.InetSocketAddress) server.localAddress()).getPort();
    }

    /** Points that changed since the last scan, to every started connection, cause 3. */
    private void spontaneous() {
        Instant now = clock.instant();
        for (StationPoints st : stations) {
            List<Asdu.InfoObject> points = st.points(now);
            for (Session s : sessions) {
                s.changed(st, points);
            }
        }
    }

    /** One controlling station's connection. */
    final class Session extends Iec104Link {
        private boolean started;
        private final Map<Integer, Map<Integer, Asdu.InfoObject>> sent = new HashMap<>();
        private final Map<Integer, Selected> selected = new HashMap<>();

        private record Selected(float value, Instant at) {
        }

        Session(SocketChannel channel) {
            super(channel, options.link());
        }

        @Override
        protected void information(byte[] frame) {
            if (started) {
                command(frame);
            }
        }

        @Override
        protected void unnumbered(Apci.Function f) {
            switch (f) {
                case STARTDT_ACT -> {
                    started = true;
                    sendUnnumbered(Apci.Function.STARTDT_CON);
                    send(new Asdu(Asdu.Cause.INITIALIZED, false, false, 0, stations.get(0).commonAddress(),
                            List.of(new Asdu.EndOfInit(0, 0))));
                }
                case STOPDT_ACT -> {
                    started = false;
                    sendUnnumbered(Apci.Function.STOPDT_CON);
                }
                default -> super.unnumbered(f);
            }
        }

        private void command(byte[] frame) {
            Asdu a;
            try {
                a = Asdu.decode(frame, 4, frame.length - 4, options.zone());
            } catch (Iec104Exception e) {
                // echo what was sent with the negative cause: the master learns what it asked that is not served
                byte[] echo = java.util.Arrays.copyOfRange(frame, 4, frame.length);
                echo[2] = (byte) (e.answerCause().code() | 0x40);
                queue(echo);
                return;
            }
            StationPoints st = station(a.commonAddress());
            if (st == null) {
                send(a.answer(Asdu.Cause.UNKNOWN_COMMON_ADDRESS, true));
                return;
            }
            Asdu.InfoObject o = a.objects().get(0);
            if (o instanceof Asdu.Interrogation) {
                interrogation(a, st);
            } else if (o instanceof Asdu.ClockSync) {
                send(a.answer(a.cause() == Asdu.Cause.ACTIVATION ? Asdu.Cause.ACTIVATION_CON : Asdu.Cause.UNKNOWN_CAUSE,
                        a.cause() != Asdu.Cause.ACTIVATION));
            } else if (o instanceof Asdu.SetpointFloat sp) {
                setpoint(a, sp, st);
            } else {
                send(a.answer(Asdu.Cause.UNKNOWN_TYPE, true));
            }
        }

        private StationPoints station(int ca) {
            for (StationPoints st : stations) {
                if (st.commonAddress() == ca || ca == 0xFFFF) {
                    return st;
                }
            }
            return null;
        }

        private void interrogation(Asdu a, StationPoints st) {
            if (a.cause() != Asdu.Cause.ACTIVATION) {
                send(a.answer(Asdu.Cause.UNKNOWN_CAUSE, true));
                return;
            }
            send(a.answer(Asdu.Cause.ACTIVATION_CON, false));
            List<Asdu.InfoObject> points = st.points(clock.instant());
            Map<Integer, List<Asdu.InfoObject>> byType = new java.util.LinkedHashMap<>();
            for (Asdu.InfoObject p : points) {
                byType.computeIfAbsent(p.typeId(), t -> new ArrayList<>()).add(p);
            }
            for (List<Asdu.InfoObject> group : byType.values()) {
                // a 36 object is 15 octets with its address: 16 fit the 249 an ASDU may hold after its header
                for (int i = 0; i < group.size(); i += 16) {
                    send(new Asdu(Asdu.Cause.INTERROGATED, false, false, 0, st.commonAddress(),
                            group.subList(i, Math.min(group.size(), i + 16))));
                }
            }
            remember(st, points);
            send(a.answer(Asdu.Cause.ACTIVATION_TERM, false));
        }

        private void setpoint(Asdu a, Asdu.SetpointFloat sp, StationPoints st) {
            if (!st.isSetpoint(sp.ioa())) {
                send(a.answer(Asdu.Cause.UNKNOWN_OBJECT_ADDRESS, true));
                return;
            }
            Instant now = clock.instant();
            if (a.cause() == Asdu.Cause.DEACTIVATION) {
                selected.remove(sp.ioa());
                send(a.answer(Asdu.Cause.DEACTIVATION_CON, false));
                return;
            }
            if (a.cause() != Asdu.Cause.ACTIVATION) {
                send(a.answer(Asdu.Cause.UNKNOWN_CAUSE, true));
                return;
            }
            if (sp.select()) {
                selected.put(sp.ioa(), new Selected(sp.value(), now));
                send(a.answer(Asdu.Cause.ACTIVATION_CON, false));
                return;
            }
            // select before operate: an execute needs a select of the same point and value, not yet expired
            Selected s = selected.remove(sp.ioa());
            boolean armed = s != null && s.value() == sp.value()
                    && !now.isAfter(s.at().plus(options.selectTimeout()));
            String refused = armed ? st.setpoint(sp.ioa(), sp.value()) : "not selected";
            if (refused != null) {
                LOG.info("IEC 104 setpoint {} = {} refused: {}", sp.ioa(), sp.value(), refused);
                send(a.answer(Asdu.Cause.ACTIVATION_CON, true));
                return;
            }
            send(a.answer(Asdu.Cause.ACTIVATION_CON, false));
            send(a.answer(Asdu.Cause.ACTIVATION_TERM, false));
        }

        /** Points that differ from what this connection was last sent, as one spontaneous ASDU per type. */
        void changed(StationPoints st, List<Asdu.InfoObject> points) {
            channel.eventLoop().execute(() -> {
                if (!started) {
                    return;
                }
                Map<Integer, Asdu.InfoObject> last = sent.computeIfAbsent(st.commonAddress(), k -> new HashMap<>());
                Map<Integer, List<Asdu.InfoObject>> byType = new java.util.LinkedHashMap<>();
                for (Asdu.InfoObject p : points) {
                    Asdu.InfoObject before = last.get(p.ioa());
                    if (before == null || !sameValue(before, p)) {
                        byType.computeIfAbsent(p.typeId(), t -> new ArrayList<>()).add(p);
                    }
                }
                for (List<Asdu.InfoObject> group : byType.values()) {
                    for (int i = 0; i < group.size(); i += 16) {
                        send(new Asdu(Asdu.Cause.SPONTANEOUS, false, false, 0, st.commonAddress(),
                                group.subList(i, Math.min(group.size(), i + 16))));
                    }
                }
                remember(st, points);
            });
        }

        private void remember(StationPoints st, List<Asdu.InfoObject> points) {
            Map<Integer, Asdu.InfoObject> last = sent.computeIfAbsent(st.commonAddress(), k -> new HashMap<>());
            for (Asdu.InfoObject p : points) {
                last.put(p.ioa(), p);
            }
        }

        private boolean sameValue(Asdu.InfoObject a, Asdu.InfoObject b) {
            if (a instanceof Asdu.ShortFloat x && b instanceof Asdu.ShortFloat y) {
                return x.value() == y.value() && x.quality() == y.quality();
            }
            if (a instanceof Asdu.Measured x && b instanceof Asdu.Measured y) {
                return x.value() == y.value() && x.quality() == y.quality();
            }
            if (a instanceof Asdu.SinglePoint x && b instanceof Asdu.SinglePoint y) {
                return x.on() == y.on() && x.quality() == y.quality();
            }
            return a.equals(b);
        }

        private void send(Asdu a) {
            queue(a.encode(options.zone()));
        }

    }

    @Override
    public void close() {
        if (scan != null) {
            scan.cancel(false);
        }
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
