package org.gridtwin.adapters.iec104;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.HexFormat;

/** Octets written as the standard's examples write them ("68 04 07 00 00 00"), and APDUs read off a socket. */
public final class Frames {
    static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private Frames() {
    }

    public static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    public static byte[] bytes(String h) {
        return HEX.parseHex(h);
    }

    /** The next APDU, start and length included. */
    public static String read(DataInputStream in) throws IOException {
        int start = in.readUnsignedByte();
        int length = in.readUnsignedByte();
        byte[] all = new byte[length + 2];
        all[0] = (byte) start;
        all[1] = (byte) length;
        in.readFully(all, 2, length);
        return hex(all);
    }
}
