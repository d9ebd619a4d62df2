package org.gridtwin.adapters.sunspec;

import java.nio.charset.StandardCharsets;

/**
 * The registers of one model instance, as a device holds them or as a client read them, with the point values
 * decoded through their scale factors: {@code value = raw × 10^sf} (SunSpec Information Model Specification,
 * "Scale factors"). A point or scale factor that says "not implemented" reads as NaN, never as a number.
 */
public final class ModelBlock {
    private final SunSpecModel model;
    private final int[] registers;

    /** A block of a model with every point "not implemented" (and the header set), as a device starts. */
    public static ModelBlock empty(SunSpecModel model) {
        ModelBlock b = new ModelBlock(model, new int[model.registers()]);
        for (SunSpecPoint p : model.points().values()) {
            if (p.type() != PointType.STRING && p.type() != PointType.PAD) {
                b.setRaw(p.name(), p.type().notImplementedRaw());
            }
        }
        b.setRaw("ID", model.id());
        b.setRaw("L", model.length());
        return b;
    }

    /** A block over registers read from a device (0..65535 each); the array is kept, not copied. */
    public ModelBlock(SunSpecModel model, int[] registers) {
        if (registers.length != model.registers()) {
            throw new IllegalArgumentException("model " + model.id() + " has " + model.registers() + " registers, "
                    + "got " + registers.length);
        }
        this.model = model;
        this.registers = registers;
    }

    public SunSpecModel model() {
        return model;
    }

    /** The registers, ID first; live, not a copy. */
    public int[] registers() {
        return registers;
    }

    /** The point's raw value: signed for signed types, unsigned otherwise. */
    public long raw(String point) {
        return raw(model.point(point));
    }

    long raw(SunSpecPoint p) {
        long v = 0;
        int words = Math.min(p.size(), 4);
        for (int i = 0; i < words; i++) {
            v = (v << 16) | (registers[p.offset() + i] & 0xFFFF);
        }
        if (p.type().signed()) {
            int bits = 16 * words;
            if (bits < 64) {
                v = (v << (64 - bits)) >> (64 - bits);
            }
        }
        return v;
    }

    /** The point's value in its unit, or NaN when the point or its scale factor is not implemented. */
    public double value(String point) {
        SunSpecPoint p = model.point(point);
        long raw = raw(p);
        if (p.type().notImplemented(raw)) {
            return Double.NaN;
        }
        if (p.type() == PointType.FLOAT32) {
            return Float.intBitsToFloat((int) raw);
        }
        int sf = scaleFactor(p);
        if (sf == Integer.MIN_VALUE) {
            return Double.NaN;
        }
        return raw * Math.pow(10, sf);
    }

    /** The scale factor exponent of {@code p}: 0 when it has none, {@link Integer#MIN_VALUE} when not implemented. */
    int scaleFactor(SunSpecPoint p) {
        SunSpecPoint sfPoint = model.scaleFactorOf(p);
        if (sfPoint == null) {
            return 0;
        }
        long sf = raw(sfPoint);
        // the specification allows -10..10; anything else is a device fault, treated as not implemented
        return sf == Short.MIN_VALUE || sf < -10 || sf > 10 ? Integer.MIN_VALUE : (int) sf;
    }

    /** A string point, trailing NULs removed. */
    public String text(String point) {
        SunSpecPoint p = model.point(point);
        byte[] b = new byte[p.size() * 2];
        for (int i = 0; i < p.size(); i++) {
            b[2 * i] = (byte) (registers[p.offset() + i] >> 8);
            b[2 * i + 1] = (byte) registers[p.offset() + i];
        }
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8).strip();
    }

    public void setText(String point, String text) {
        SunSpecPoint p = model.point(point);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < p.size(); i++) {
            int hi = 2 * i < b.length ? b[2 * i] & 0xFF : 0;
            int lo = 2 * i + 1 < b.length ? b[2 * i + 1] & 0xFF : 0;
            registers[p.offset() + i] = hi << 8 | lo;
        }
    }

    public void setRaw(String point, long raw) {
        SunSpecPoint p = model.point(point);
        int words = Math.min(p.size(), 4);
        for (int i = words - 1; i >= 0; i--) {
            registers[p.offset() + i] = (int) (raw & 0xFFFF);
            raw >>= 16;
        }
    }

    /**
     * Stores {@code value} (in the point's unit) through the point's current scale factor, rounding to its
     * resolution. A value the type cannot carry is refused: a device never wraps a power around.
     */
    public void set(String point, double value) {
        SunSpecPoint p = model.point(point);
        if (Double.isNaN(value)) {
            setRaw(point, p.type().notImplementedRaw());
            return;
        }
        int sf = scaleFactor(p);
        if (sf == Integer.MIN_VALUE) {
            throw new IllegalStateException(point + " has no implemented scale factor " + p.scaleFactor());
        }
        double scaled = Math.rint(value / Math.pow(10, sf));
        if (p.type() == PointType.ACC32) {
            // accumulators roll over by design
            setRaw(point, (long) scaled & 0xFFFF_FFFFL);
            return;
        }
        if (scaled < p.type().minRaw() || scaled > p.type().maxRaw()) {
            throw new IllegalArgumentException(point + " = " + value + " does not fit " + p.type() + " at scale 10^"
                    + sf);
        }
        setRaw(point, (long) scaled);
    }

    /**
     * The smallest scale factor (-3..6) at which {@code magnitude} fits an int16 point: a 12.5 MW power in W fits
     * at 10^3 (1 kW resolution), a 2.5 MW one at 10^2.
     */
    public static int scaleFor(double magnitude) {
        for (int sf = -3; sf < 6; sf++) {
            if (Math.abs(magnitude) / Math.pow(10, sf) <= Short.MAX_VALUE) {
                return sf;
            }
        }
        return 6;
    }
}
