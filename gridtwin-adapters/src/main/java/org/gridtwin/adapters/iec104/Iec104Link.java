package org.gridtwin.adapters.iec104;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IEC 60870-5-104 connection's link rules (clause 5), the same for both ends: I frames numbered modulo 32,768
 * and checked in sequence (out of sequence closes the connection); at most k I frames sent unacknowledged (further
 * ones wait); an S frame after w received ones or after t2; a test frame after t3 of silence; the connection closed
 * when an I frame or a test frame stays unacknowledged for t1. The controlled station ({@link Iec104Station}) and the
 * controlling station ({@link Iec104Client}) add what their end does with STARTDT and the ASDUs.
 */
abstract class Iec104Link extends SimpleChannelInboundHandler<byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(Iec104Link.class);

    /** The link parameters of clause 5.5 and 9.6; {@link #defaults} are the standard's. */
    record Parameters(int k, int w, Duration t1, Duration t2, Duration t3) {
        Parameters {
            // the standard recommends w <= 2/3 k; a peer may be configured otherwise, so only the range is checked
            if (k < 1 || k > 32767 || w < 1 || w > 32767) {
                throw new IllegalArgumentException("IEC 104 needs k and w in 1..32767, were " + k + " and " + w);
            }
        }

        static Parameters defaults() {
            return new Parameters(12, 8, Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(20));
        }
    }

    protected final Channel channel;
    private final Parameters link;
    private int sendSeq;
    private int receiveSeq;
    private int ackedBySeq;
    private int unackedReceived;
    private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();
    private volatile long lastReceivedNanos = System.nanoTime();
    private long oldestUnackedNanos = -1;
    private long testSentNanos = -1;
    private long unackedSinceNanos = -1;
    private ScheduledFuture<?> timers;

    Iec104Link(Channel channel, Parameters link) {
        this.channel = channel;
        this.link = link;
    }

    /** An I frame received in sequence (APCI included): the end's own business. */
    protected abstract void information(byte[] frame);

    /** A U frame received; answers test frames. Ends that start data transfer override it (and call this). */
    protected void unnumbered(Apci.Function f) {
        switch (f) {
            case TESTFR_ACT -> sendUnnumbered(Apci.Function.TESTFR_CON);
            case TESTFR_CON -> testSentNanos = -1;
            default -> { }
        }
    }

    /** Called for every frame received, before it is handled. */
    protected void received() {
    }

    /** When anything was last received on this connection ({@link System#nanoTime}). */
    long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        timers = ctx.executor().scheduleAtFixedRate(this::timers, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (timers != null) {
            timers.cancel(false);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("IEC 104 connection with {}: {}", channel.remoteAddress(), cause.toString());
        ctx.close();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, byte[] frame) {
        lastReceivedNanos = System.nanoTime();
        received();
        Apci apci = Apci.of(java.util.Arrays.copyOf(frame, 4));
        if (apci instanceof Apci.Unnumbered u) {
            unnumbered(u.function());
        } else if (apci instanceof Apci.Supervisory s) {
            acknowledged(s.receiveSeq());
        } else if (apci instanceof Apci.Information i) {
            if (i.sendSeq() != receiveSeq) {
                LOG.warn("IEC 104 connection with {}: I frame {} where {} was due: closing", channel.remoteAddress(),
                        i.sendSeq(), receiveSeq);
                ctx.close();
                return;
            }
            receiveSeq = (receiveSeq + 1) % Apci.MODULO;
            acknowledged(i.receiveSeq());
            if (unackedReceived++ == 0) {
                unackedSinceNanos = System.nanoTime();
            }
            if (unackedReceived >= link.w()) {
                sendSupervisory();
            }
            information(frame);
        }
    }

    private void acknowledged(int peerReceive) {
        ackedBySeq = peerReceive;
        oldestUnackedNanos = ackedBySeq == sendSeq ? -1 : System.nanoTime();
        while (!waiting.isEmpty() && unacked() < link.k()) {
            transmit(waiting.poll());
        }
    }

    private int unacked() {
        return Math.floorMod(sendSeq - ackedBySeq, Apci.MODULO);
    }

    /** An ASDU to send in an I frame: now, or when the peer has acknowledged enough (k). Call on the event loop. */
    protected void queue(byte[] asdu) {
        if (unacked() >= link.k()) {
            waiting.add(asdu);
        } else {
            transmit(asdu);
        }
    }

    private void transmit(byte[] asdu) {
        byte[] control = new Apci.Information(sendSeq, receiveSeq).control();
        sendSeq = (sendSeq + 1) % Apci.MODULO;
        if (oldestUnackedNanos < 0) {
            oldestUnackedNanos = System.nanoTime();
        }
        // an I frame acknowledges what was received
        unackedReceived = 0;
        unackedSinceNanos = -1;
        write(control, asdu);
    }

    private void sendSupervisory() {
        unackedReceived = 0;
        unackedSinceNanos = -1;
        write(new Apci.Supervisory(receiveSeq).control(), new byte[0]);
    }

    protected void sendUnnumbered(Apci.Function f) {
        if (f == Apci.Function.TESTFR_ACT) {
            testSentNanos = System.nanoTime();
        }
        write(new Apci.Unnumbered(f).control(), new byte[0]);
    }

    /** Sends a test frame unless one is already waiting for its confirmation (which t1 then bounds). */
    protected void test() {
        if (testSentNanos < 0) {
            sendUnnumbered(Apci.Function.TESTFR_ACT);
        }
    }

    private void write(byte[] control, byte[] asdu) {
        ByteBuf b = channel.alloc().buffer(6 + asdu.length);
        b.writeByte(Apci.START).writeByte(4 + asdu.length).writeBytes(control).writeBytes(asdu);
        channel.writeAndFlush(b);
    }

    private void timers() {
        long now = System.nanoTime();
        if (oldestUnackedNanos >= 0 && now - oldestUnackedNanos > link.t1().toNanos()
                || testSentNanos >= 0 && now - testSentNanos > link.t1().toNanos()) {
            LOG.warn("IEC 104 connection with {}: no acknowledgement within t1 = {} s: closing",
                    channel.remoteAddress(), link.t1().toSeconds());
            channel.close();
            return;
        }
        if (unackedSinceNanos >= 0 && now - unackedSinceNanos > link.t2().toNanos()) {
            sendSupervisory();
        }
        if (testSentNanos < 0 && now - lastReceivedNanos > link.t3().toNanos()) {
            sendUnnumbered(Apci.Function.TESTFR_ACT);
        }
    }

    /** Splits the byte stream into APDUs: 0x68, a length of 4–253, that many octets. */
    static final class FrameDecoder extends ByteToMessageDecoder {
        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            while (in.readableBytes() >= 2) {
                int start = in.getUnsignedByte(in.readerIndex());
                int length = in.getUnsignedByte(in.readerIndex() + 1);
                if (start != Apci.START || length < 4 || length > 253) {
                    LOG.warn("IEC 104 frame starting 0x{} with length {}: closing the connection",
                            Integer.toHexString(start), length);
                    in.skipBytes(in.readableBytes());
                    ctx.close();
                    return;
                }
                if (in.readableBytes() < 2 + length) {
                    return;
                }
                in.skipBytes(2);
                byte[] frame = new byte[length];
                in.readBytes(frame);
                out.add(frame);
            }
        }
    }
}
