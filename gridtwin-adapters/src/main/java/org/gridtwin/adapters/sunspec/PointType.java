package org.gridtwin.adapters.sunspec;

/**
 * The SunSpec point types a model definition uses, with their size in registers and the raw value that means
 * "not implemented" (SunSpec Information Model Specification, "Point types": 0x8000 for int16 and sunssf, 0xFFFF
 * for uint16 and enum16, 0x80000000 for int32, 0xFFFFFFFF for uint32 and bitfields). Accumulators are the
 * exception: SunSpec's "0 = not accumulated" cannot be told from a new meter's 0, so 0 reads as 0 kWh and a
 * counter that stays at 0 while power flows is caught as frozen by the device link.
 */
public enum PointType {
    INT16(1), UINT16(1), ACC16(1), ENUM16(1), BITFIELD16(1), SUNSSF(1), COUNT(1), PAD(1),
    INT32(2), UINT32(2), ACC32(2), ENUM32(2), BITFIELD32(2), FLOAT32(2), IPADDR(2),
    INT64(4), UINT64(4), ACC64(4), FLOAT64(4), EUI48(4), IPV6ADDR(8), STRING(0);

    private final int registers;

    PointType(int registers) {
        this.registers = registers;
    }

    /** Registers of a point of this type; 0 for strings, whose size the definition gives. */
    public int registers() {
        return registers;
    }

    /** The type named in a model definition ({@code "int16"}, {@code "sunssf"}, ...). */
    public static PointType of(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    public boolean signed() {
        return this == INT16 || this == SUNSSF || this == INT32 || this == INT64;
    }

    /** Whether {@code raw} (the registers read as an unsigned number, or signed for signed types) is "not implemented". */
    public boolean notImplemented(long raw) {
        return switch (this) {
            case INT16, SUNSSF -> raw == Short.MIN_VALUE;
            case UINT16, ENUM16, BITFIELD16, COUNT -> raw == 0xFFFFL;
            case INT32 -> raw == Integer.MIN_VALUE;
            case UINT32, ENUM32, BITFIELD32, IPADDR -> raw == 0xFFFF_FFFFL;
            case INT64 -> raw == Long.MIN_VALUE;
            case UINT64 -> raw == -1L;
            default -> false;
        };
    }

    /** The raw value a device stores for "not implemented". */
    public long notImplementedRaw() {
        return switch (this) {
            case INT16, SUNSSF -> Short.MIN_VALUE;
            case UINT16, ENUM16, BITFIELD16, COUNT -> 0xFFFFL;
            case INT32 -> Integer.MIN_VALUE;
            case UINT32, ENUM32, BITFIELD32, IPADDR -> 0xFFFF_FFFFL;
            case INT64 -> Long.MIN_VALUE;
            case UINT64 -> -1L;
            default -> 0;
        };
    }

    /** The smallest and largest raw value a point of this type can carry (besides "not implemented"). */
    public long minRaw() {
        return switch (this) {
            case INT16, SUNSSF -> Short.MIN_VALUE + 1;
            case INT32 -> Integer.MIN_VALUE + 1L;
            case INT64 -> Long.MIN_VALUE + 1;
            default -> 0;
        };
    }

    public long maxRaw() {
        return switch (this) {
            case INT16, SUNSSF -> Short.MAX_VALUE;
            case UINT16, ENUM16, BITFIELD16, COUNT -> 0xFFFEL;
            case ACC16 -> 0xFFFFL;
            case INT32 -> Integer.MAX_VALUE;
            case UINT32, ENUM32, BITFIELD32, IPADDR -> 0xFFFF_FFFEL;
            case ACC32 -> 0xFFFF_FFFFL;
            default -> Long.MAX_VALUE;
        };
    }
}
