package org.gridtwin.adapters.iec104;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * An application service data unit of IEC 60870-5-101/104 with the field sizes of 104 (clause 9): type id (1
 * octet), variable structure qualifier (SQ bit 7, number of objects 0–127), cause of transmission (2 octets: cause
 * in bits 0–5, P/N bit 6, test bit 7; originator address), common address (2 octets, low first), then the
 * information objects, each with a 3-octet address (low first) unless SQ = 1 (then only the first has one and the
 * others follow it). The types are the subset GridTwin speaks.
 */
public record Asdu(Cause cause, boolean negative, boolean test, int originator, int commonAddress,
        List<InfoObject> objects) {

    public Asdu {
        objects = List.copyOf(objects);
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("an ASDU carries at least one information object");
        }
        int type = objects.get(0).typeId();
        for (InfoObject o : objects) {
            if (o.typeId() != type) {
                throw new IllegalArgumentException("one ASDU carries one type, not " + type + " and " + o.typeId());
            }
        }
        if (objects.size() > 127) {
            throw new IllegalArgumentException(objects.size() + " objects: an ASDU carries at most 127");
        }
    }

    /** The same objects answered with another cause (activation confirmation, termination, negative). */
    public Asdu answer(Cause c, boolean neg) {
        return new Asdu(c, neg, test, originator, commonAddress, objects);
    }

    public int typeId() {
        return objects.get(0).typeId();
    }

    /** Causes of transmission used here (IEC 60870-5-101, 7.2.3). */
    public enum Cause {
        PERIODIC(1), BACKGROUND(2), SPONTANEOUS(3), INITIALIZED(4), REQUEST(5), ACTIVATION(6), ACTIVATION_CON(7),
        DEACTIVATION(8), DEACTIVATION_CON(9), ACTIVATION_TERM(10), INTERROGATED(20), UNKNOWN_TYPE(44),
        UNKNOWN_CAUSE(45), UNKNOWN_COMMON_ADDRESS(46), UNKNOWN_OBJECT_ADDRESS(47);

        final int code;

        Cause(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static Cause of(int code) {
            for (Cause c : values()) {
                if (c.code == code) {
                    return c;
                }
            }
            throw new Iec104Exception("cause of transmission " + code + " is not one GridTwin handles", UNKNOWN_CAUSE);
        }
    }

    /** One information object: its address (0 for station-wide commands) and element. */
    public sealed interface InfoObject {
        int ioa();

        int typeId();
    }

    /**
     * A measured value, short floating point with quality (M_ME_NC_1 = 13), or with a CP56Time2a time tag
     * (M_ME_TF_1 = 36) when {@code time} is not null. Quality descriptor bits: 0x01 overflow, 0x10 blocked, 0x20
     * substituted, 0x40 not topical, 0x80 invalid.
     */
    public record ShortFloat(int ioa, float value, int quality, Instant time) implements InfoObject {
        @Override
        public int typeId() {
            return time == null ? 13 : 36;
        }
    }

    /** A single point with quality (M_SP_NA_1 = 1), time-tagged (M_SP_TB_1 = 30) when {@code time} is not null. */
    public record SinglePoint(int ioa, boolean on, int quality, Instant time) implements InfoObject {
        @Override
        public int typeId() {
            return time == null ? 1 : 30;
        }
    }

    /** End of initialization (M_EI_NA_1 = 70) with its cause (0 = local power on). */
    public record EndOfInit(int ioa, int cause) implements InfoObject {
        @Override
        public int typeId() {
            return 70;
        }
    }

    /** Interrogation command (C_IC_NA_1 = 100); qualifier 20 = station (general) interrogation. */
    public record Interrogation(int ioa, int qualifier) implements InfoObject {
        @Override
        public int typeId() {
            return 100;
        }
    }

    /**
     * Set-point command, short floating point (C_SE_NC_1 = 50), with its qualifier: bit 7 S/E (1 = select, 0 =
     * execute), bits 0–6 QL.
     */
    public record SetpointFloat(int ioa, float value, boolean select, int ql) implements InfoObject {
        @Override
        public int typeId() {
            return 50;
        }
    }

    /** Clock synchronization command (C_CS_NA_1 = 103). */
    /**
     * A measured value that is not a short float, as a controlling station reads it: normalized (types 9, 34:
     * value = NVA / 32768), scaled (11, 35: the integer) or an integrated total (15, 37: the binary counter
     * reading). {@code quality} is the QDS octet (for totals: IV as 0x80, CA 0x40, CY 0x20, the sequence number
     * dropped); {@code time} the time tag, or null.
     */
    public record Measured(int ioa, int type, double value, int quality, Instant time) implements InfoObject {
        @Override
        public int typeId() {
            return type;
        }
    }

    public record ClockSync(int ioa, Instant time) implements InfoObject {
        @Override
        public int typeId() {
            return 103;
        }
    }

    /** The ASDU's octets, objects each with their address (SQ = 0), time tags in {@code zone}. */
    public byte[] encode(ZoneId zone) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(typeId());
        out.write(objects.size());
        out.write(cause.code | (negative ? 0x40 : 0) | (test ? 0x80 : 0));
        out.write(originator);
        out.write(commonAddress);
        out.write(commonAddress >> 8);
        for (InfoObject o : objects) {
            out.write(o.ioa());
            out.write(o.ioa() >> 8);
            out.write(o.ioa() >> 16);
            element(o, out, zone);
        }
        return out.toByteArray();
    }

    private static void element(InfoObject o, ByteArrayOutputStream out, ZoneId zone) {
        if (o instanceof ShortFloat f) {
            writeFloat(out, f.value());
            out.write(f.quality());
            if (f.time() != null) {
                out.writeBytes(Cp56Time2a.encode(f.time(), zone));
            }
        } else if (o instanceof SinglePoint p) {
            out.write((p.on() ? 1 : 0) | (p.quality() & 0xF0));
            if (p.time() != null) {
                out.writeBytes(Cp56Time2a.encode(p.time(), zone));
            }
        } else if (o instanceof EndOfInit e) {
            out.write(e.cause());
        } else if (o instanceof Interrogation i) {
            out.write(i.qualifier());
        } else if (o instanceof SetpointFloat sp) {
            writeFloat(out, sp.value());
            out.write((sp.select() ? 0x80 : 0) | (sp.ql() & 0x7F));
        } else if (o instanceof ClockSync c) {
            out.writeBytes(Cp56Time2a.encode(c.time(), zone));
        } else if (o instanceof Measured m && (m.type() == 15 || m.type() == 37)) {
            // a binary counter reading: the count low octet first, then IV/CA/CY and the sequence number (0)
            int count = (int) Math.round(m.value());
            out.write(count);
            out.write(count >> 8);
            out.write(count >> 16);
            out.write(count >> 24);
            out.write(m.quality() & 0xE0);
            if (m.type() == 37) {
                out.writeBytes(Cp56Time2a.encode(m.time(), zone));
            }
        } else {
            throw new IllegalArgumentException("type " + o.typeId() + " is not one GridTwin sends");
        }
    }

    private static void writeFloat(ByteArrayOutputStream out, float v) {
        int bits = Float.floatToIntBits(v);
        out.write(bits);
        out.write(bits >> 8);
        out.write(bits >> 16);
        out.write(bits >> 24);
    }

    /** Reads an ASDU; a type GridTwin does not speak is an {@link Iec104Exception} with cause 44. */
    public static Asdu decode(byte[] b, int at, int length, ZoneId zone) {
        if (length < 6) {
            throw new Iec104Exception("an ASDU of " + length + " octets (at least 6)", Cause.UNKNOWN_TYPE);
        }
        int type = b[at] & 0xFF;
        boolean sq = (b[at + 1] & 0x80) != 0;
        int n = b[at + 1] & 0x7F;
        int cot = b[at + 2] & 0xFF;
        int originator = b[at + 3] & 0xFF;
        int ca = (b[at + 4] & 0xFF) | (b[at + 5] & 0xFF) << 8;
        int size = switch (type) {
            case 13, 15 -> 5;
            case 36, 37 -> 12;
            case 9, 11 -> 3;
            case 34, 35 -> 10;
            case 1, 70, 100 -> 1;
            case 30 -> 8;
            case 50 -> 5;
            case 103 -> 7;
            default -> throw new Iec104Exception("type " + type + " is not one GridTwin speaks", Cause.UNKNOWN_TYPE);
        };
        int p = at + 6;
        int end = at + length;
        int expected = sq ? 3 + n * size : n * (3 + size);
        if (end - p != expected) {
            throw new Iec104Exception("type " + type + " with " + n + " objects needs " + expected + " octets, has "
                    + (end - p), Cause.UNKNOWN_TYPE);
        }
        List<InfoObject> objects = new ArrayList<>(n);
        int ioa = 0;
        for (int i = 0; i < n; i++) {
            if (!sq || i == 0) {
                ioa = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16;
                p += 3;
            } else {
                ioa++;
            }
            objects.add(read(type, ioa, b, p, zone));
            p += size;
        }
        return new Asdu(Cause.of(cot & 0x3F), (cot & 0x40) != 0, (cot & 0x80) != 0, originator, ca, objects);
    }

    private static InfoObject read(int type, int ioa, byte[] b, int p, ZoneId zone) {
        return switch (type) {
            case 13 -> new ShortFloat(ioa, readFloat(b, p), b[p + 4] & 0xFF, null);
            case 36 -> new ShortFloat(ioa, readFloat(b, p), b[p + 4] & 0xFF, Cp56Time2a.decode(b, p + 5, zone));
            case 1 -> new SinglePoint(ioa, (b[p] & 1) != 0, b[p] & 0xF0, null);
            case 30 -> new SinglePoint(ioa, (b[p] & 1) != 0, b[p] & 0xF0, Cp56Time2a.decode(b, p + 1, zone));
            case 70 -> new EndOfInit(ioa, b[p] & 0xFF);
            case 100 -> new Interrogation(ioa, b[p] & 0xFF);
            case 50 -> new SetpointFloat(ioa, readFloat(b, p), (b[p + 4] & 0x80) != 0, b[p + 4] & 0x7F);
            case 103 -> new ClockSync(ioa, Cp56Time2a.decode(b, p, zone));
            case 9, 11 -> new Measured(ioa, type, word(type, b, p), b[p + 2] & 0xFF, null);
            case 34, 35 -> new Measured(ioa, type, word(type, b, p), b[p + 2] & 0xFF, Cp56Time2a.decode(b, p + 3, zone));
            case 15 -> new Measured(ioa, type, counter(b, p), b[p + 4] & 0xE0, null);
            case 37 -> new Measured(ioa, type, counter(b, p), b[p + 4] & 0xE0, Cp56Time2a.decode(b, p + 5, zone));
            default -> throw new IllegalStateException("type " + type);
        };
    }

    /** A 16-bit value, low octet first: normalized (types 9, 34) as a fraction of 2^15, scaled as it is. */
    private static double word(int type, byte[] b, int p) {
        short raw = (short) ((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8);
        return type == 9 || type == 34 ? raw / 32768.0 : raw;
    }

    /** A binary counter reading (BCR): a signed 32-bit count, low octet first. */
    private static double counter(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | b[p + 3] << 24;
    }

    private static float readFloat(byte[] b, int p) {
        return Float.intBitsToFloat((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16
                | (b[p + 3] & 0xFF) << 24);
    }
}
