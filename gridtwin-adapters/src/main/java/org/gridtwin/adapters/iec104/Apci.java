package org.gridtwin.adapters.iec104;

/**
 * The application protocol control information of IEC 60870-5-104 (clause 5): start octet 0x68, the length of
 * what follows (4 control octets plus the ASDU, at most 253), and the control field in one of three formats.
 *
 * <ul>
 * <li>I format (information transfer, with an ASDU): send and receive sequence numbers, 15 bits each, the send
 * number shifted left by one in octets 1–2 (bit 0 of octet 1 is 0), the receive number likewise in octets 3–4.
 * <li>S format (supervisory, acknowledges): octet 1 = 0x01, octet 2 = 0, the receive number in octets 3–4.
 * <li>U format (unnumbered control): octet 1 = 0x03 with one function bit: STARTDT act 0x04 / con 0x08,
 * STOPDT act 0x10 / con 0x20, TESTFR act 0x40 / con 0x80; octets 2–4 are 0.
 * </ul>
 */
public sealed interface Apci {
    int START = 0x68;
    /** Octets of an APDU at most: start, length and the 253 the length may count. */
    int MAX_APDU = 255;
    /** Sequence numbers count modulo 2^15. */
    int MODULO = 1 << 15;

    /** An I frame: numbered, carries an ASDU. */
    record Information(int sendSeq, int receiveSeq) implements Apci {
    }

    /** An S frame: acknowledges I frames up to {@code receiveSeq} - 1. */
    record Supervisory(int receiveSeq) implements Apci {
    }

    /** A U frame. */
    record Unnumbered(Function function) implements Apci {
    }

    /** The U-frame functions, with their bit in the first control octet. */
    enum Function {
        STARTDT_ACT(0x07), STARTDT_CON(0x0B), STOPDT_ACT(0x13), STOPDT_CON(0x23), TESTFR_ACT(0x43), TESTFR_CON(0x83);

        final int octet;

        Function(int octet) {
            this.octet = octet;
        }

        static Function of(int octet) {
            for (Function f : values()) {
                if (f.octet == octet) {
                    return f;
                }
            }
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "U frame with control octet 0x%02X: not one function", octet));
        }
    }

    /** The four control octets of this frame. */
    default byte[] control() {
        if (this instanceof Information i) {
            return new byte[] {(byte) (i.sendSeq() << 1), (byte) (i.sendSeq() >> 7), (byte) (i.receiveSeq() << 1),
                (byte) (i.receiveSeq() >> 7)};
        }
        if (this instanceof Supervisory s) {
            return new byte[] {0x01, 0, (byte) (s.receiveSeq() << 1), (byte) (s.receiveSeq() >> 7)};
        }
        return new byte[] {(byte) ((Unnumbered) this).function().octet, 0, 0, 0};
    }

    /** Reads the four control octets. */
    static Apci of(byte[] c) {
        int c1 = c[0] & 0xFF;
        if ((c1 & 0x01) == 0) {
            return new Information((c1 >> 1) | ((c[1] & 0xFF) << 7), ((c[2] & 0xFF) >> 1) | ((c[3] & 0xFF) << 7));
        }
        if ((c1 & 0x03) == 0x01) {
            return new Supervisory(((c[2] & 0xFF) >> 1) | ((c[3] & 0xFF) << 7));
        }
        return new Unnumbered(Function.of(c1));
    }
}
