package org.gridtwin.adapters.iec104;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.neoscada.protocol.iec60870.ProtocolOptions;
import org.eclipse.neoscada.protocol.iec60870.apci.MessageChannel;
import org.eclipse.neoscada.protocol.iec60870.asdu.ASDUHeader;
import org.eclipse.neoscada.protocol.iec60870.asdu.MessageManager;
import org.eclipse.neoscada.protocol.iec60870.asdu.message.DataTransmissionMessage;
import org.eclipse.neoscada.protocol.iec60870.asdu.message.InterrogationCommand;
import org.eclipse.neoscada.protocol.iec60870.asdu.message.MeasuredValueShortFloatingPointTimeSingle;
import org.eclipse.neoscada.protocol.iec60870.asdu.types.ASDUAddress;
import org.eclipse.neoscada.protocol.iec60870.asdu.types.CauseOfTransmission;
import org.eclipse.neoscada.protocol.iec60870.client.Client;
import org.eclipse.neoscada.protocol.iec60870.client.ClientModule;
import org.eclipse.neoscada.protocol.iec60870.client.ConnectionStateListener;
import org.junit.jupiter.api.Test;

/**
 * The controlled station read by a controlling station that is not GridTwin's code: Eclipse NeoSCADA's IEC
 * 60870-5-104 client 0.4.0 connects, starts data transfer, sends a general interrogation and decodes our answer.
 *
 * <p>Setpoints are not exercised with it: NeoSCADA 0.4.0's {@code SetPointCommandShortFloatingPoint.encode}
 * writes the float with {@code ByteBuf.writeFloat} (high octet first, where IEC 60870-5-104 sends the low octet
 * first) and ORs the select bit in as 0x100 into a byte, so S/E never reaches the wire; select-before-operate is
 * tested with frames written out by hand ({@code StationTest}).
 */
class NeoScadaInteropTest {
    static final Instant T = Instant.parse("2024-06-01T04:00:30.250Z");

    @Test
    void neoScadaInterrogatesTheStation() throws Exception {
        StationPoints points = new StationPoints() {
            @Override
            public int commonAddress() {
                return 1;
            }

            @Override
            public List<Asdu.InfoObject> points(Instant now) {
                return List.of(new Asdu.ShortFloat(1001, 6250f, 0, T), new Asdu.ShortFloat(1003, 4993.2f, 0, T));
            }

            @Override
            public boolean isSetpoint(int ioa) {
                return false;
            }

            @Override
            public String setpoint(int ioa, float value) {
                return "no setpoints here";
            }
        };
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        ClientModule module = new ClientModule() {
            @Override
            public void initializeClient(Client client, MessageManager manager) {
                manager.registerClass(MeasuredValueShortFloatingPointTimeSingle.class);
                manager.registerClass(InterrogationCommand.class);
            }

            @Override
            public void initializeChannel(SocketChannel channel, MessageChannel messageChannel) {
                channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        received.add(msg);
                    }
                });
            }

            @Override
            public void dispose() {
            }
        };
        ProtocolOptions.Builder ob = new ProtocolOptions.Builder();
        ob.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        BlockingQueue<String> states = new LinkedBlockingQueue<>();
        try (Iec104Station station = new Iec104Station(List.of(points),
                Iec104Station.Options.defaults().withScan(Duration.ofHours(1)), Clock.fixed(T, ZoneOffset.UTC))
                .start("127.0.0.1", 0);
                Client client = new Client(new InetSocketAddress("127.0.0.1", station.port()),
                        new ConnectionStateListener() {
                            @Override
                            public void connected(io.netty.channel.Channel channel) {
                                states.add("connected");
                            }

                            @Override
                            public void disconnected(Throwable error) {
                                states.add("disconnected " + error);
                            }
                        }, ob.build(), List.of(module))) {
            client.connect().get(10, TimeUnit.SECONDS);
            assertThat(states.poll(10, TimeUnit.SECONDS)).isEqualTo("connected");
            // STARTDT act; the station confirms it (NeoSCADA passes the confirmation up as a message)
            client.writeCommand(DataTransmissionMessage.REQUEST_START);
            Object confirm = null;
            long startBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (confirm != DataTransmissionMessage.CONFIRM_START && System.nanoTime() < startBy) {
                confirm = received.poll(500, TimeUnit.MILLISECONDS);
            }
            assertThat(confirm).isEqualTo(DataTransmissionMessage.CONFIRM_START);
            client.writeCommand(new InterrogationCommand(new ASDUHeader(CauseOfTransmission.ACTIVATED,
                    ASDUAddress.valueOf(1)), (short) 20));
            StringBuilder seen = new StringBuilder();
            InterrogationCommand confirmation = null;
            MeasuredValueShortFloatingPointTimeSingle values = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (values == null && System.nanoTime() < until) {
                Object m = received.poll(500, TimeUnit.MILLISECONDS);
                if (m != null) {
                    seen.append(m).append('\n');
                }
                if (m instanceof InterrogationCommand c && confirmation == null) {
                    confirmation = c;
                }
                if (m instanceof MeasuredValueShortFloatingPointTimeSingle v) {
                    values = v;
                }
            }
            assertThat(values).as("NeoSCADA received:\n%s", seen).isNotNull();
            // the interrogation was confirmed first: cause 7, positive, common address 1
            assertThat(confirmation).as("NeoSCADA received:\n%s", seen).isNotNull();
            assertThat(confirmation.getHeader().getCauseOfTransmission().getCause().getValue()).isEqualTo((byte) 7);
            assertThat(confirmation.getHeader().getCauseOfTransmission().isPositive()).isTrue();
            assertThat(confirmation.getHeader().getAsduAddress().getAddress()).isEqualTo(1);
            assertThat(values.getHeader().getCauseOfTransmission().getCause().getValue()).isEqualTo((byte) 20);
            assertThat(values.getEntries()).hasSize(2);
            assertThat(values.getEntries().get(0).getAddress().getAddress()).isEqualTo(1001);
            assertThat(values.getEntries().get(0).getValue().getValue()).isEqualTo(6250f);
            assertThat(values.getEntries().get(1).getValue().getValue()).isEqualTo(4993.2f);
            // the time tag, read by NeoSCADA in UTC: the station's 2024-06-01T04:00:30.250Z
            assertThat(values.getEntries().get(0).getValue().getTimestamp()).isEqualTo(T.toEpochMilli());
        }
    }
}
