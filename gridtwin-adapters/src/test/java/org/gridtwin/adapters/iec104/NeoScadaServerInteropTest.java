package org.gridtwin.adapters.iec104;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.neoscada.protocol.iec60870.ProtocolOptions;
import org.eclipse.neoscada.protocol.iec60870.asdu.ASDUHeader;
import org.eclipse.neoscada.protocol.iec60870.asdu.types.ASDUAddress;
import org.eclipse.neoscada.protocol.iec60870.asdu.types.InformationEntry;
import org.eclipse.neoscada.protocol.iec60870.asdu.types.InformationObjectAddress;
import org.eclipse.neoscada.protocol.iec60870.asdu.types.QualityInformation;
import org.eclipse.neoscada.protocol.iec60870.asdu.types.Value;
import org.eclipse.neoscada.protocol.iec60870.io.MirrorCommand;
import org.eclipse.neoscada.protocol.iec60870.server.Server;
import org.eclipse.neoscada.protocol.iec60870.server.data.AbstractBaseDataModel;
import org.eclipse.neoscada.protocol.iec60870.server.data.BackgroundIterator;
import org.eclipse.neoscada.protocol.iec60870.server.data.DataListener;
import org.eclipse.neoscada.protocol.iec60870.server.data.DataModule;
import org.eclipse.neoscada.protocol.iec60870.server.data.DataModuleOptions;
import org.gridtwin.adapters.Peer;
import org.junit.jupiter.api.Test;

/**
 * GridTwin's controlling station against a controlled station that is not its code: Eclipse NeoSCADA's IEC
 * 60870-5-104 server 0.4.0 with a data model of three points at common address 1 — IOA 1001 a short float
 * 6250.0 kW, 1002 a short float 812.5 marked invalid, 2001 a single point on — and a float set-point at 3001. The
 * values are chosen so that every octet of the float matters (6250.0 = 0x45C35000, −250.5 = 0xC37A8000).
 */
class NeoScadaServerInteropTest {
    static final Instant TAG = Instant.parse("2024-06-01T04:00:30.250Z");
    static final ASDUAddress CA = ASDUAddress.valueOf(1);

    /** A fixed data model; {@link #change} sends a spontaneous float to the subscribed connections. */
    static final class Rtu extends AbstractBaseDataModel {
        final List<String> setpoints = new CopyOnWriteArrayList<>();

        Rtu() {
            super("rtu");
        }

        List<InformationEntry<Float>> floats() {
            return List.of(
                    new InformationEntry<>(InformationObjectAddress.valueOf(1001),
                            new Value<>(6250.0f, TAG.toEpochMilli(), QualityInformation.OK)),
                    new InformationEntry<>(InformationObjectAddress.valueOf(1002),
                            new Value<>(812.5f, TAG.toEpochMilli(), QualityInformation.INVALID)),
                    new InformationEntry<>(InformationObjectAddress.valueOf(1003),
                            new Value<>(55.25f, TAG.toEpochMilli(), QualityInformation.OK)));
        }

        void change(int ioa, float value, Instant time) {
            notifyChangeFloat(CA, List.of(new InformationEntry<>(InformationObjectAddress.valueOf(ioa),
                    new Value<>(value, time.toEpochMilli(), QualityInformation.OK))));
        }

        @Override
        public ListenableFuture<Value<?>> read(ASDUAddress asdu, InformationObjectAddress ioa) {
            return Futures.immediateFuture(null);
        }

        @Override
        public ListenableFuture<Void> readAll(ASDUAddress asdu, Runnable prepare, DataListener listener) {
            if (!CA.equals(asdu)) {
                return null; // NeoSCADA answers an unknown common address negatively
            }
            return executor.submit(() -> {
                prepare.run();
                listener.dataChangeFloat(CA, floats());
                listener.dataChangeBoolean(CA, List.of(new InformationEntry<>(InformationObjectAddress.valueOf(2001),
                        new Value<>(true, TAG.toEpochMilli(), QualityInformation.OK))));
                return null;
            });
        }

        @Override
        public void forAllAsdu(Consumer<ASDUAddress> function, Runnable done) {
            function.accept(CA);
            done.run();
        }

        @Override
        public BackgroundIterator createBackgroundIterator() {
            return null;
        }

        @Override
        public void writeCommand(ASDUHeader header, InformationObjectAddress ioa, boolean state, byte type,
                MirrorCommand mirror, boolean execute) {
            mirror.sendActivationConfirm(false);
        }

        @Override
        public void writeFloatValue(ASDUHeader header, InformationObjectAddress ioa, float value, byte type,
                MirrorCommand mirror, boolean execute) {
            setpoints.add(ioa.getAddress() + "=" + value + (execute ? " execute" : " select"));
            mirror.sendActivationConfirm(true);
            if (execute) {
                mirror.sendActivationTermination();
            }
        }

        @Override
        public void writeScaledValue(ASDUHeader header, InformationObjectAddress ioa, short value, byte type,
                MirrorCommand mirror, boolean execute) {
            mirror.sendActivationConfirm(false);
        }
    }

    static Server server(Rtu rtu, int port) {
        DataModuleOptions.Builder o = new DataModuleOptions.Builder();
        o.setFloatsWithTimestamp(true);
        o.setBooleansWithTimestamp(true);
        o.setBackgroundScanPeriod(0);
        ProtocolOptions.Builder p = new ProtocolOptions.Builder();
        p.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        Server s = new Server(new InetSocketAddress("127.0.0.1", port), p.build(),
                List.of(new DataModule(o.build(), rtu)));
        // NeoSCADA binds in the background: wait until it accepts
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                return s;
            } catch (java.io.IOException e) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException i) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IllegalStateException("NeoSCADA's server did not listen on " + port);
    }

    @Test
    void interrogatesReceivesSpontaneousValuesAndReconnects() throws Exception {
        Rtu rtu = new Rtu();
        rtu.start();
        int port = Peer.freePort();
        Server server = server(rtu, port);
        try (Iec104Client client = new Iec104Client("127.0.0.1", port, List.of(1), Iec104Client.Options.defaults(),
                Clock.systemUTC())) {
            client.connect().toCompletableFuture().get(10, TimeUnit.SECONDS);
            Iec104Client.Point p = await(() -> client.point(1, 1001));
            // NeoSCADA answers the interrogation with M_ME_NC_1 (no time tag): the value's time is its arrival
            assertThat(p.value()).isEqualTo(6250.0);
            assertThat(p.time()).isEqualTo(p.receivedAt());
            assertThat(p.good()).isTrue();
            Iec104Client.Point invalid = await(() -> client.point(1, 1002));
            assertThat(invalid.value()).isEqualTo(812.5);
            assertThat(invalid.quality() & 0x80).isEqualTo(0x80);
            assertThat(invalid.good()).isFalse();
            assertThat(await(() -> client.point(1, 2001)).value()).isEqualTo(1);
            // a second interrogation ends with its termination (cause 10)
            client.interrogate(1).toCompletableFuture().get(10, TimeUnit.SECONDS);
            // an unknown common address is refused, with the cause NeoSCADA gives
            Throwable refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> client.interrogate(7).toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertThat(refused.getCause().getMessage()).startsWith("IEC 104 RTU at 127.0.0.1:" + port
                    + " refused the interrogation of common address 7");
            // spontaneous transmission: a new value with its CP56Time2a tag (M_ME_TF_1)
            Instant later = TAG.plusSeconds(60);
            rtu.change(1001, 5937.5f, later);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (client.point(1, 1001).value() != 5937.5 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(client.point(1, 1001).value()).isEqualTo(5937.5);
            assertThat(client.point(1, 1001).time()).isEqualTo(later);
            // a quiet link answers a test frame: the poll learns it is alive
            Instant heard = client.heard(Duration.ZERO).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(heard).isAfterOrEqualTo(Instant.now().minusSeconds(5));

            // the RTU goes away: the client says so; it comes back on the same port and the client reconnects
            server.close();
            until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (client.connected() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(client.connected()).isFalse();
            Throwable down = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> client.connect().toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertThat(down.getCause().getMessage()).contains("127.0.0.1:" + port);
            // (NeoSCADA stops a data model with its server: the restarted RTU gets a fresh one)
            Rtu restarted = new Rtu();
            restarted.start();
            server = server(restarted, port);
            client.connect().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(client.connected()).isTrue();
            assertThat(await(() -> client.point(1, 1001).value() == 6250.0 ? 1 : null)).isEqualTo(1);
        } finally {
            server.close();
            rtu.stop();
        }
    }

    static <T> T await(java.util.function.Supplier<T> s) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        T v = s.get();
        while (v == null && System.nanoTime() < until) {
            Thread.sleep(20);
            v = s.get();
        }
        assertThat(v).as("arrived within 10 s").isNotNull();
        return v;
    }

    @Test
    void setpointsGoOutAsSelectThenExecute() throws Exception {
        Rtu rtu = new Rtu();
        rtu.start();
        int port = Peer.freePort();
        Server server = server(rtu, port);
        List<String> seen = new ArrayList<>();
        try (Iec104Client client = new Iec104Client("127.0.0.1", port, List.of(1), Iec104Client.Options.defaults(),
                Clock.systemUTC())) {
            client.connect().toCompletableFuture().get(10, TimeUnit.SECONDS);
            client.setpoint(1, 3001, -250.5f).toCompletableFuture().get(10, TimeUnit.SECONDS);
            seen.addAll(rtu.setpoints);
        } finally {
            server.close();
            rtu.stop();
        }
        // NeoSCADA's server decodes the float low octet first, as the standard sends it, and the S/E bit: the
        // select arrives first, the execute after its confirmation
        assertThat(seen).containsExactly("3001=-250.5 select", "3001=-250.5 execute");
    }

    @Test
    void aBatteryBoundToRtuPointsIsReadAndCommanded() throws Exception {
        Rtu rtu = new Rtu();
        rtu.start();
        int port = Peer.freePort();
        Server server = server(rtu, port);
        try (Iec104Client client = new Iec104Client("127.0.0.1", port, List.of(1), Iec104Client.Options.defaults(),
                Clock.systemUTC())) {
            // power in W at 1001 (scale 0.001 to kW), SoC in % at 1003, the set-point in kW at 3001
            Iec104FieldDevice bat = new Iec104FieldDevice("pcs", org.gridtwin.ems.device.DeviceRole.BATTERY, client, 1,
                    java.util.Map.of("power_kw", new org.gridtwin.model.devices.DeviceBinding.IoaPoint(1001, 0.001),
                            "soc_fraction", new org.gridtwin.model.devices.DeviceBinding.IoaPoint(1003, 0.01),
                            "setpoint_kw", new org.gridtwin.model.devices.DeviceBinding.IoaPoint(3001, 1)), 1000);
            org.gridtwin.ems.device.DeviceReading r = bat.read().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(r.powerKw()).isEqualTo(6.25); // 6250.0 W
            assertThat(r.socFraction()).isCloseTo(0.5525, org.assertj.core.api.Assertions.within(1e-12));
            // read again at once: nothing new heard, the same time (the link reports no news)
            org.gridtwin.ems.device.DeviceReading again = bat.read().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(again.time()).isEqualTo(r.time());
            // after more than half a second of quiet the poll tests the link: a new time
            Thread.sleep(600);
            org.gridtwin.ems.device.DeviceReading later = bat.read().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(later.time()).isAfter(r.time());
            bat.writeBatteryKw(-120.75, 10).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(rtu.setpoints).containsExactly("3001=-120.75 select", "3001=-120.75 execute");
            // a device whose power point is invalid reads NaN: bad data, never given to the strategy
            Iec104FieldDevice pv = new Iec104FieldDevice("pv", org.gridtwin.ems.device.DeviceRole.PV, client, 1,
                    java.util.Map.of("power_kw", new org.gridtwin.model.devices.DeviceBinding.IoaPoint(1002, 1)), 600);
            assertThat(pv.read().toCompletableFuture().get(10, TimeUnit.SECONDS).powerKw()).isNaN();
        } finally {
            server.close();
            rtu.stop();
        }
    }
}
