package org.gridtwin.adapters.iec104;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The controlled station spoken to in octets written out by hand from the standard (a master's frames, the
 * station's expected answers): start of data transfer, general interrogation, select-before-operate, an unknown
 * type, the k window and the t1 timeout.
 */
class StationTest {
    static final Instant T = Instant.parse("2024-06-01T04:00:30.250Z");
    final List<Float> applied = new CopyOnWriteArrayList<>();
    Iec104Station station;

    final java.util.concurrent.atomic.AtomicReference<Float> wind = new java.util.concurrent.atomic.AtomicReference<>(
            12.5f);

    StationPoints points() {
        return new StationPoints() {
            @Override
            public int commonAddress() {
                return 1;
            }

            @Override
            public List<Asdu.InfoObject> points(Instant now) {
                return List.of(new Asdu.ShortFloat(1001, wind.get(), 0, T), new Asdu.SinglePoint(2001, true, 0, T));
            }

            @Override
            public boolean isSetpoint(int ioa) {
                return ioa == 3001;
            }

            @Override
            public String setpoint(int ioa, float value) {
                applied.add(value);
                return value > 1000 ? "beyond the battery's 1,000 kW" : null;
            }
        };
    }

    Socket connect(Iec104Station.Options options) throws Exception {
        station = new Iec104Station(List.of(points()), options, Clock.fixed(T, ZoneOffset.UTC)).start("127.0.0.1", 0);
        Socket s = new Socket("127.0.0.1", station.port());
        s.setSoTimeout(5000);
        return s;
    }

    @AfterEach
    void stop() {
        if (station != null) {
            station.close();
        }
    }

    static String frame(DataInputStream in) throws Exception {
        return Frames.read(in);
    }

    static void send(OutputStream out, String hex) throws Exception {
        out.write(CodecTest.bytes(hex));
        out.flush();
    }

    @Test
    void interrogationAndSelectBeforeOperate() throws Exception {
        // no scan during the exchange: every frame below is an answer
        try (Socket s = connect(Iec104Station.Options.defaults().withScan(Duration.ofHours(1)))) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            send(out, "68 04 07 00 00 00"); // STARTDT act
            assertThat(frame(in)).isEqualTo("68 04 0B 00 00 00"); // STARTDT con
            // I(0,0): end of initialization, type 70, cause 4, CA 1, IOA 0, COI 0
            assertThat(frame(in)).isEqualTo("68 0E 00 00 00 00 46 01 04 00 01 00 00 00 00 00");
            // I(0,1): general interrogation of CA 1 (acknowledges the station's frame 0)
            send(out, "68 0E 00 00 02 00 64 01 06 00 01 00 00 00 00 14");
            // I(1,1): its confirmation, cause 7
            assertThat(frame(in)).isEqualTo("68 0E 02 00 02 00 64 01 07 00 01 00 00 00 00 14");
            // I(2,1): the float at 1001 with its time tag, cause 20 (interrogated); 12.5 = 00 00 48 41
            assertThat(frame(in)).isEqualTo("68 19 04 00 02 00 24 01 14 00 01 00 E9 03 00 00 00 48 41 00 2A 76 00 "
                    + "04 C1 06 18");
            // I(3,1): the single point at 2001 (0x07D1), on, time-tagged (type 30)
            assertThat(frame(in)).isEqualTo("68 15 06 00 02 00 1E 01 14 00 01 00 D1 07 00 01 2A 76 00 04 C1 06 18");
            // I(4,1): termination, cause 10
            assertThat(frame(in)).isEqualTo("68 0E 08 00 02 00 64 01 0A 00 01 00 00 00 00 14");

            // execute without select: refused (negative confirmation, cause 7 | 0x40 = 0x47)
            send(out, "68 12 02 00 0A 00 32 01 06 00 01 00 B9 0B 00 00 00 7A C3 00");
            assertThat(frame(in)).isEqualTo("68 12 0A 00 04 00 32 01 47 00 01 00 B9 0B 00 00 00 7A C3 00");
            // select -250 kW, then execute it: confirmation, confirmation, termination; the value applied once
            send(out, "68 12 04 00 0C 00 32 01 06 00 01 00 B9 0B 00 00 00 7A C3 80");
            assertThat(frame(in)).isEqualTo("68 12 0C 00 06 00 32 01 07 00 01 00 B9 0B 00 00 00 7A C3 80");
            send(out, "68 12 06 00 0E 00 32 01 06 00 01 00 B9 0B 00 00 00 7A C3 00");
            assertThat(frame(in)).isEqualTo("68 12 0E 00 08 00 32 01 07 00 01 00 B9 0B 00 00 00 7A C3 00");
            assertThat(frame(in)).isEqualTo("68 12 10 00 08 00 32 01 0A 00 01 00 B9 0B 00 00 00 7A C3 00");
            assertThat(applied).containsExactly(-250f);
            // a type the station does not speak (45, single command) comes back with cause 44 negative (0x6C)
            send(out, "68 0E 08 00 12 00 2D 01 06 00 01 00 01 00 00 01");
            assertThat(frame(in)).isEqualTo("68 0E 12 00 0A 00 2D 01 6C 00 01 00 01 00 00 01");
            // an unknown common address: cause 46 negative (0x6E)
            send(out, "68 0E 0A 00 14 00 64 01 06 00 07 00 00 00 00 14");
            assertThat(frame(in)).isEqualTo("68 0E 14 00 0C 00 64 01 6E 00 07 00 00 00 00 14");
        }
    }

    @Test
    void theKWindowHoldsFramesUntilAcknowledgedAndT1Closes() throws Exception {
        Iec104Station.Options o = new Iec104Station.Options(2, 8, Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(30), ZoneOffset.UTC, Duration.ofHours(1));
        try (Socket s = connect(o)) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            send(out, "68 04 07 00 00 00");
            frame(in); // STARTDT con
            frame(in); // I(0): end of initialization, 1 unacknowledged
            send(out, "68 0E 00 00 00 00 64 01 06 00 01 00 00 00 00 14"); // GI, acknowledging nothing
            assertThat(frame(in)).startsWith("68 0E 02 00"); // I(1): confirmation; now k = 2 are unacknowledged
            s.setSoTimeout(300);
            List<String> more = new ArrayList<>();
            try {
                more.add(frame(in));
            } catch (java.net.SocketTimeoutException e) {
                // nothing: the window is full
            }
            assertThat(more).isEmpty();
            send(out, "68 04 01 00 04 00"); // S(2): both acknowledged
            s.setSoTimeout(5000);
            assertThat(frame(in)).startsWith("68 19 04 00"); // I(2): the float
            assertThat(frame(in)).startsWith("68 15 06 00"); // I(3): the single point
            // those two stay unacknowledged: after t1 = 1 s the station closes the connection
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aChangedPointIsSentSpontaneously() throws Exception {
        try (Socket s = connect(Iec104Station.Options.defaults().withScan(Duration.ofMillis(50)))) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            send(out, "68 04 07 00 00 00");
            frame(in); // STARTDT con
            frame(in); // end of initialization
            // the first scan sends what this connection has not been sent: both points, cause 3 (spontaneous)
            assertThat(frame(in)).startsWith("68 19 02 00 00 00 24 01 03 00");
            assertThat(frame(in)).startsWith("68 15 04 00 00 00 1E 01 03 00");
            // only what changes is sent again: 6250.0 = 0x45C35000
            wind.set(6250f);
            assertThat(frame(in)).isEqualTo("68 19 06 00 00 00 24 01 03 00 01 00 E9 03 00 00 50 C3 45 00 2A 76 00 "
                    + "04 C1 06 18");
        }
    }
}
