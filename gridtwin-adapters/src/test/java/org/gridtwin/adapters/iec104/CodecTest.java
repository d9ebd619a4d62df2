package org.gridtwin.adapters.iec104;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames of IEC 60870-5-104 written out by hand from the standard's field layouts (clauses 5 and 9). */
class CodecTest {
    static final ZoneId UTC = ZoneOffset.UTC;

    static String hex(byte[] b) {
        return Frames.hex(b);
    }

    static byte[] bytes(String h) {
        return Frames.bytes(h);
    }

    @Test
    void controlFieldsOfTheThreeFormats() {
        assertThat(hex(new Apci.Unnumbered(Apci.Function.STARTDT_ACT).control())).isEqualTo("07 00 00 00");
        assertThat(hex(new Apci.Unnumbered(Apci.Function.TESTFR_CON).control())).isEqualTo("83 00 00 00");
        // N(S) = 1, N(R) = 2: each shifted left by one, low octet first
        assertThat(hex(new Apci.Information(1, 2).control())).isEqualTo("02 00 04 00");
        // N(S) = 32767: 0xFE 0xFF; N(R) = 300 = 0b1_0010_1100: (300 << 1) & 0xFF = 0x58, 300 >> 7 = 2
        assertThat(hex(new Apci.Information(32767, 300).control())).isEqualTo("FE FF 58 02");
        assertThat(hex(new Apci.Supervisory(5).control())).isEqualTo("01 00 0A 00");
        assertThat(Apci.of(bytes("FE FF 58 02"))).isEqualTo(new Apci.Information(32767, 300));
        assertThat(Apci.of(bytes("01 00 0A 00"))).isEqualTo(new Apci.Supervisory(5));
        assertThat(Apci.of(bytes("13 00 00 00"))).isEqualTo(new Apci.Unnumbered(Apci.Function.STOPDT_ACT));
        assertThatThrownBy(() -> Apci.of(bytes("0F 00 00 00"))).hasMessageContaining("0x0F");
    }

    @Test
    void aGeneralInterrogationAsEveryMasterSendsIt() {
        // type 100, one object, cause 6 (activation), originator 0, common address 1, IOA 0, QOI 20 (station)
        Asdu gi = Asdu.decode(bytes("64 01 06 00 01 00 00 00 00 14"), 0, 10, UTC);
        assertThat(gi.cause()).isEqualTo(Asdu.Cause.ACTIVATION);
        assertThat(gi.commonAddress()).isEqualTo(1);
        assertThat(gi.objects()).containsExactly(new Asdu.Interrogation(0, 20));
        assertThat(hex(gi.answer(Asdu.Cause.ACTIVATION_CON, false).encode(UTC))).isEqualTo(
                "64 01 07 00 01 00 00 00 00 14");
        assertThat(hex(gi.answer(Asdu.Cause.UNKNOWN_COMMON_ADDRESS, true).encode(UTC))).isEqualTo(
                "64 01 6E 00 01 00 00 00 00 14"); // 46 | 0x40 (negative) = 0x6E
    }

    @Test
    void aTimeTaggedShortFloat() {
        // 12.5 = 0x41480000, low octet first; 2024-06-01 (a Saturday, day of week 6) 04:00:30.250 UTC:
        // ms 30,250 = 0x762A; minute 0; hour 4; day 1 | 6 << 5 = 0xC1; month 6; year 24 = 0x18
        Instant t = Instant.parse("2024-06-01T04:00:30.250Z");
        Asdu a = new Asdu(Asdu.Cause.SPONTANEOUS, false, false, 0, 2, List.of(new Asdu.ShortFloat(1001, 12.5f, 0,
                t)));
        String frame = "24 01 03 00 02 00 E9 03 00 00 00 48 41 00 2A 76 00 04 C1 06 18";
        assertThat(hex(a.encode(UTC))).isEqualTo(frame);
        assertThat(Asdu.decode(bytes(frame), 0, 21, UTC)).isEqualTo(a);
        // the same tag read in UTC+8 is eight hours earlier on the timeline
        assertThat(Cp56Time2a.decode(bytes("2A 76 00 04 C1 06 18"), 0, ZoneOffset.ofHours(8)))
                .isEqualTo(t.minusSeconds(8 * 3600));
    }

    @Test
    void aSetpointSelectAndASequenceOfMeasurements() {
        // C_SE_NC_1, IOA 3001 = 0x000BB9, -250.0 = 0xC37A0000, QOS S/E = 1 (select)
        Asdu select = new Asdu(Asdu.Cause.ACTIVATION, false, false, 0, 1,
                List.of(new Asdu.SetpointFloat(3001, -250f, true, 0)));
        assertThat(hex(select.encode(UTC))).isEqualTo("32 01 06 00 01 00 B9 0B 00 00 00 7A C3 80");
        // SQ = 1: two short floats at 1001 and 1002 (1.0 = 0x3F800000, 2.0 = 0x40000000), cause 20 (interrogated)
        Asdu seq = Asdu.decode(bytes("0D 82 14 00 01 00 E9 03 00 00 00 80 3F 00 00 00 00 40 00"), 0, 19, UTC);
        assertThat(seq.cause()).isEqualTo(Asdu.Cause.INTERROGATED);
        assertThat(seq.objects()).containsExactly(new Asdu.ShortFloat(1001, 1f, 0, null),
                new Asdu.ShortFloat(1002, 2f, 0, null));
    }

    @Test
    void whatCannotBeReadSaysWhichCauseToAnswer() {
        assertThatThrownBy(() -> Asdu.decode(bytes("2D 01 06 00 01 00 01 00 00 01"), 0, 10, UTC))
                .isInstanceOfSatisfying(Iec104Exception.class, e -> assertThat(e.answerCause())
                        .isEqualTo(Asdu.Cause.UNKNOWN_TYPE))
                .hasMessage("type 45 is not one GridTwin speaks");
        assertThatThrownBy(() -> Asdu.decode(bytes("64 01 06 00 01 00 00 00 00"), 0, 9, UTC))
                .hasMessage("type 100 with 1 objects needs 4 octets, has 3");
    }
}
