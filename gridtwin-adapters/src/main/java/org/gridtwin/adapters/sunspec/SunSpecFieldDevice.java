package org.gridtwin.adapters.sunspec;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.gridtwin.adapters.modbus.ModbusConnection;
import org.gridtwin.ems.device.DeviceException;
import org.gridtwin.ems.device.DeviceReading;
import org.gridtwin.ems.device.DeviceRole;
import org.gridtwin.ems.device.FieldDevice;

/**
 * A SunSpec device over Modbus TCP. The model chain is discovered on the first read (and again after a failure);
 * each read fetches the models the device's role needs, one request each, and decodes them with their scale
 * factors:
 *
 * <ul>
 * <li>PV and wind: an inverter model (103, 102, 101 or 701): {@code W}, {@code WH} / {@code TotWhInj}, {@code Hz},
 * {@code PhVphA}, {@code St}, {@code Evt1}.
 * <li>battery: storage model 124 ({@code ChaState}, {@code WChaMax}, {@code ChaSt}) or 802 ({@code SoC}); its power
 * from an inverter model, or from a meter model whose counters then give charge ({@code TotWhImp}) and discharge
 * ({@code TotWhExp}).
 * <li>grid meter: a meter model (203, 204, 202, 201): {@code W} positive = import, {@code TotWhImp},
 * {@code TotWhExp}.
 * <li>load meter: the same models, {@code W} positive = consumption.
 * </ul>
 *
 * Battery setpoints go through model 124: {@code StorCtl_Mod} = 3 (both limits active), and the power window
 * [{@code -InWRte}, {@code OutWRte}] % of {@code WChaMax} closed on the setpoint (discharge x: OutWRte = x,
 * InWRte = -x; charge x: InWRte = x, OutWRte = -x), with {@code InOutWRte_RvrtTms} so that the PCS returns to
 * 0 kW by itself when the setpoints stop. PV and wind limits go through model 123 or 704 ({@link #writeLimitKw}).
 * Accumulators that roll over (acc32) are unwrapped here.
 */
public final class SunSpecFieldDevice implements FieldDevice {
    private static final int[] INVERTERS = {103, 102, 101, 701};
    private static final int[] METERS = {203, 204, 202, 201};

    private final String id;
    private final DeviceRole role;
    private final ModbusConnection connection;
    private final int unit;
    private final boolean invert;
    private final Clock clock;
    private SunSpecLayout layout;
    private final Map<String, long[]> counters = new HashMap<>();
    private boolean storageModeSet;
    private volatile ModelBlock storage;
    private double wChaMaxKw = Double.NaN;
    private volatile Controls controls;

    /**
     * @param invert flips the sign of the device's power and swaps its counters, for a meter mounted the other way
     */
    public SunSpecFieldDevice(String id, DeviceRole role, ModbusConnection connection, int unit, boolean invert,
            Clock clock) {
        this.id = id;
        this.role = role;
        this.connection = connection;
        this.unit = unit;
        this.invert = invert;
        this.clock = clock;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public DeviceRole role() {
        return role;
    }

    /** The discovered model chain, or null before the first read. */
    public SunSpecLayout layout() {
        return layout;
    }

    private CompletionStage<SunSpecLayout> layoutStage() {
        SunSpecLayout l = layout;
        if (l != null) {
            return CompletableFuture.completedFuture(l);
        }
        return SunSpecLayout.discover(connection, unit).thenApply(found -> {
            String missing = missingModels(found);
            if (missing != null) {
                throw new DeviceException(id + " (" + role.key() + ") at " + connection.endpoint() + " unit " + unit
                        + " offers models " + found.chain() + ": " + missing);
            }
            layout = found;
            return found;
        });
    }

    private String missingModels(SunSpecLayout l) {
        return switch (role) {
            case PV, WIND -> l.first(INVERTERS) < 0 ? "no inverter model (101, 102, 103 or 701)" : null;
            case BATTERY -> l.first(124, 802) < 0 ? "no storage model (124 or 802)"
                    : l.first(INVERTERS) < 0 && l.first(METERS) < 0 ? "no inverter or meter model for its power"
                    : null;
            case GRID_METER, LOAD_METER -> l.first(METERS) < 0 ? "no meter model (201 to 204)" : null;
        };
    }

    private CompletionStage<ModelBlock> block(SunSpecLayout l, int model) {
        SunSpecModel def = SunSpecModels.get(model);
        return connection.readHolding(unit, l.models().get(model), def.registers())
                .thenApply(regs -> new ModelBlock(def, regs));
    }

    @Override
    public CompletionStage<DeviceReading> read() {
        return layoutStage().thenCompose(l -> {
            List<Integer> wanted = new ArrayList<>();
            int inverter = l.first(INVERTERS);
            int meter = l.first(METERS);
            int storage = l.first(124, 802);
            switch (role) {
                case PV, WIND -> wanted.add(inverter);
                case BATTERY -> {
                    wanted.add(storage);
                    wanted.add(meter >= 0 ? meter : inverter);
                }
                default -> wanted.add(meter);
            }
            List<CompletableFuture<ModelBlock>> reads = new ArrayList<>();
            for (int m : wanted) {
                reads.add(block(l, m).toCompletableFuture());
            }
            return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                    .thenApply(v -> decode(reads.stream().map(CompletableFuture::join).toList()));
        }).whenComplete((r, e) -> {
            if (e != null) {
                layout = null; // discover again: the device may have been replaced or reconfigured
                storage = null;
                controls = null;
            }
        });
    }

    private DeviceReading decode(List<ModelBlock> blocks) {
        double powerKw = Double.NaN;
        double toBus = Double.NaN;
        double fromBus = Double.NaN;
        double soc = Double.NaN;
        double hz = Double.NaN;
        double volts = Double.NaN;
        long status = -1;
        long alarms = 0;
        for (ModelBlock b : blocks) {
            int m = b.model().id();
            if (m >= 101 && m <= 103) {
                powerKw = b.value("W") / 1000;
                toBus = counter("WH", b, "WH") / 1000;
                fromBus = 0;
                hz = b.value("Hz");
                volts = b.value("PhVphA");
                status = b.raw("St");
                alarms = b.raw("Evt1");
            } else if (m == 701) {
                powerKw = b.value("W") / 1000;
                toBus = b.value("TotWhInj") / 1000;
                fromBus = b.value("TotWhAbs") / 1000;
                status = b.raw("St");
            } else if (m >= 201 && m <= 204) {
                double w = b.value("W") / 1000;
                double imp = counter("TotWhImp", b, "TotWhImp") / 1000;
                double exp = counter("TotWhExp", b, "TotWhExp") / 1000;
                hz = b.value("Hz");
                volts = b.value("PhVphA");
                alarms = b.raw("Evt");
                if (role == DeviceRole.GRID_METER) {
                    powerKw = w;
                    toBus = imp;
                    fromBus = exp;
                } else {
                    // the battery or the loads sit on the meter's import side: import leaves the bus
                    powerKw = -w;
                    toBus = exp;
                    fromBus = imp;
                }
            } else if (m == 124) {
                storage = b; // its rating and scale factors, for the setpoints written until the next read
                soc = b.value("ChaState") / 100;
                wChaMaxKw = b.value("WChaMax") / 1000;
                status = b.raw("ChaSt");
            } else if (m == 802) {
                soc = b.value("SoC") / 100;
                status = b.raw("ChaSt");
            }
        }
        if (invert) {
            powerKw = -powerKw;
            double t = toBus;
            toBus = fromBus;
            fromBus = t;
        }
        return new DeviceReading(clock.instant(), powerKw, Double.NaN, toBus, fromBus, soc, volts, hz, status,
                alarms);
    }

    /**
     * An accumulator's value in its unit with roll-overs unwrapped (acc32 wraps at 2^32): a raw value below the
     * previous one is a wrap when the previous one was in the top half of the range, else a reset (which the link
     * reports as a counter going back).
     */
    private double counter(String key, ModelBlock b, String point) {
        SunSpecPoint p = b.model().point(point);
        long raw = b.raw(p);
        int sf = b.scaleFactor(p);
        if (sf == Integer.MIN_VALUE) {
            return Double.NaN;
        }
        long[] state = counters.computeIfAbsent(key, k -> new long[] {raw, 0});
        if (p.type() == PointType.ACC32 && raw < state[0] && state[0] >= 1L << 31) {
            state[1] += 1L << 32;
        }
        state[0] = raw;
        return (raw + state[1]) * Math.pow(10, sf);
    }

    @Override
    public CompletionStage<Void> writeBatteryKw(double kw, int revertSeconds) {
        if (role != DeviceRole.BATTERY) {
            return FieldDevice.super.writeBatteryKw(kw, revertSeconds);
        }
        return layoutStage().thenCompose(l -> {
            if (!l.has(124)) {
                throw new DeviceException(id + ": setpoints need storage model 124, the device offers " + l.chain());
            }
            ModelBlock known = storage;
            CompletionStage<ModelBlock> current = known != null ? CompletableFuture.completedFuture(known)
                    : block(l, 124);
            return current.thenCompose(b -> {
                double max = b.value("WChaMax") / 1000;
                if (!(max > 0)) {
                    throw new DeviceException(id + ": WChaMax not implemented; a setpoint cannot be scaled");
                }
                double pct = Math.max(-100, Math.min(100, kw / max * 100));
                SunSpecModel def = b.model();
                ModelBlock out = new ModelBlock(def, b.registers().clone());
                out.set("OutWRte", pct);
                out.set("InWRte", -pct);
                out.setRaw("InOutWRte_WinTms", 0);
                out.setRaw("InOutWRte_RvrtTms", Math.max(1, revertSeconds));
                int base = l.models().get(124);
                int from = def.point("OutWRte").offset();
                int[] regs = java.util.Arrays.copyOfRange(out.registers(), from,
                        def.point("InOutWRte_RvrtTms").offset() + 1);
                CompletionStage<Void> rates = connection.writeHolding(unit, base + from, regs);
                if (storageModeSet) {
                    return rates;
                }
                return rates.thenCompose(v -> connection.writeHolding(unit,
                        base + def.point("StorCtl_Mod").offset(), new int[] {3})).thenRun(() -> storageModeSet = true);
            });
        });
    }

    /**
     * Writes an active-power limit through immediate controls 123 ({@code WMaxLimPct} with its window, revert and
     * ramp times, then {@code WMaxLim_Ena} = 1, one request) or, without 123, DER controls 704
     * ({@code WMaxLimPctEna} = 1, {@code WMaxLimPct}, revert to 100 % disabled after {@code WMaxLimPctRvrtTms}).
     * The percentage is of {@code WMax} (settings 121), or of {@code WRtg} (nameplate 120) on a device without 121.
     * Positive infinity releases the limit ({@code WMaxLim_Ena} / {@code WMaxLimPctEna} = 0).
     */
    @Override
    public CompletionStage<Void> writeLimitKw(double kw, int revertSeconds) {
        if (role != DeviceRole.PV && role != DeviceRole.WIND) {
            return FieldDevice.super.writeLimitKw(kw, revertSeconds);
        }
        return layoutStage().thenCompose(l -> {
            int model = l.has(123) ? 123 : l.has(704) ? 704 : -1;
            if (model < 0) {
                throw new DeviceException(id + ": power limits need controls model 123 or 704, the device offers "
                        + l.chain());
            }
            return controlsStage(l, model).thenCompose(c -> write(l, c, kw, revertSeconds));
        });
    }

    private CompletionStage<Controls> controlsStage(SunSpecLayout l, int model) {
        Controls known = controls;
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        int rating = l.has(121) ? 121 : l.has(120) ? 120 : -1;
        if (rating < 0) {
            throw new DeviceException(id + ": a power limit needs WMax (model 121) or WRtg (model 120), the device "
                    + "offers " + l.chain());
        }
        return block(l, model).thenCombine(block(l, rating), (c, r) -> {
            double wMaxKw = r.value(rating == 121 ? "WMax" : "WRtg") / 1000;
            if (!(wMaxKw > 0)) {
                throw new DeviceException(id + ": " + (rating == 121 ? "WMax" : "WRtg")
                        + " not implemented; a limit cannot be scaled");
            }
            Controls found = new Controls(c, wMaxKw, l.models().get(model));
            controls = found;
            return found;
        });
    }

    private CompletionStage<Void> write(SunSpecLayout l, Controls c, double kw, int revertSeconds) {
        SunSpecModel def = c.block().model();
        boolean release = kw == Double.POSITIVE_INFINITY;
        String enable = def.id() == 123 ? "WMaxLim_Ena" : "WMaxLimPctEna";
        if (release) {
            return connection.writeHolding(unit, c.base() + def.point(enable).offset(), new int[] {0});
        }
        double pct = Math.max(0, Math.min(100, kw / c.wMaxKw() * 100));
        ModelBlock out = new ModelBlock(def, c.block().registers().clone());
        String first;
        String last;
        if (def.id() == 123) {
            out.set("WMaxLimPct", pct);
            out.setRaw("WMaxLimPct_WinTms", 0);
            out.setRaw("WMaxLimPct_RvrtTms", Math.max(1, revertSeconds));
            out.setRaw("WMaxLimPct_RmpTms", 0);
            out.setRaw("WMaxLim_Ena", 1);
            first = "WMaxLimPct";
            last = "WMaxLim_Ena";
        } else {
            out.setRaw("WMaxLimPctEna", 1);
            out.set("WMaxLimPct", pct);
            out.set("WMaxLimPctRvrt", 100);
            out.setRaw("WMaxLimPctEnaRvrt", 0);
            out.setRaw("WMaxLimPctRvrtTms", Math.max(1, revertSeconds));
            first = "WMaxLimPctEna";
            last = "WMaxLimPctRvrtTms";
        }
        int from = def.point(first).offset();
        int to = def.point(last).offset() + def.point(last).size();
        return connection.writeHolding(unit, c.base() + from, java.util.Arrays.copyOfRange(out.registers(), from,
                to));
    }

    /** A device's power-limit controls as first read: the model's block (its scale factors), WMax, its address. */
    private record Controls(ModelBlock block, double wMaxKw, int base) {
    }

    /** The battery's WChaMax as last read, kW (NaN before). */
    public double chargeRatingKw() {
        return wChaMaxKw;
    }

    @Override
    public void close() {
        layout = null;
        storage = null;
        controls = null;
        storageModeSet = false;
        connection.close();
    }
}
