package org.gridtwin.adapters.sunspec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridtwin.ems.Measurements;
import org.gridtwin.ems.SiteDevices;
import org.gridtwin.ems.device.DeviceRole;
import org.gridtwin.model.Site;

/**
 * A site's twin devices speaking SunSpec: one register image per asset, at fixed unit ids, updated from the same
 * twin ({@link SiteDevices}) the live loop runs in process. The battery follows the setpoints a controller writes
 * into its storage model, and returns to 0 kW when they stop for longer than their revert time; PV and wind deliver at
 * most the limit written into their immediate controls (123), and all they can again after its revert time.
 *
 * <p>Each {@link #tick} first settles the cycle that ends now with the setpoint then in the registers (so the
 * energy counters, the state of charge and the charge state move), then begins the next cycle and shows its
 * instantaneous values: a controller that reads after a tick and writes before the next sees exactly what the
 * in-process twin would give it, at the registers' resolution.
 *
 * <table>
 * <caption>Units</caption>
 * <tr><th>Unit</th><th>Asset</th><th>Models</th></tr>
 * <tr><td>1</td><td>PV inverter (all arrays)</td><td>1, 103, 120, 123 (power limit in % of WRtg)</td></tr>
 * <tr><td>2</td><td>wind turbine converters (all farms)</td><td>1, 103, 120, 123</td></tr>
 * <tr><td>3</td><td>battery PCS + BMS</td><td>1, 124 (at 40070), 203 (its AC meter: import = charge)</td></tr>
 * <tr><td>4</td><td>grid meter</td><td>1, 203 (import into the site positive)</td></tr>
 * <tr><td>5</td><td>load meter</td><td>1, 203 (consumption positive)</td></tr>
 * </table>
 */
public final class SunSpecTwin {
    public static final int PV_UNIT = 1;
    public static final int WIND_UNIT = 2;
    public static final int BATTERY_UNIT = 3;
    public static final int GRID_UNIT = 4;
    public static final int LOAD_UNIT = 5;
    /** StorCtl_Mod bits: charge limit (InWRte) and discharge limit (OutWRte) active (SunSpec model 124). */
    static final int CHARGE_BIT = 1;
    static final int DISCHARGE_BIT = 2;

    private final Site site;
    private final SiteDevices twin;
    private final Map<Integer, SunSpecImage> units = new LinkedHashMap<>();
    private final Map<Integer, DeviceRole> roles = new LinkedHashMap<>();
    private final Measurements m = new Measurements();
    private final Object lock = new Object();
    private Instant tickTime;
    private boolean open;
    private double pvWh;
    private double windWh;
    private double chargeWh;
    private double dischargeWh;
    private double importWh;
    private double exportWh;
    private double loadWh;
    private double setpointKw;
    private Instant lastWrite;
    private final Map<Integer, Instant> lastLimitWrite = new java.util.HashMap<>();
    private final org.gridtwin.dispatch.Setpoints applied = new org.gridtwin.dispatch.Setpoints();
    private SiteDevices.Flows lastFlows;

    public SunSpecTwin(Site site, SiteDevices twin) {
        this.site = site;
        this.twin = twin;
        double batteryKw = site.battery() == null ? 0 : Math.max(site.battery().chargeKw(),
                site.battery().dischargeKw());
        double pvKw = site.pv().stream().mapToDouble(p -> p.inverterKwAc()).sum();
        double windKw = site.windRatedKw();
        double limit = Double.isFinite(site.grid().importLimitKw()) ? site.grid().importLimitKw() : 100_000;
        double busKw = windKw + pvKw + batteryKw + limit;
        if (pvKw > 0) {
            add(PV_UNIT, DeviceRole.PV, List.of(common("PV inverter"), inverter(pvKw), nameplate(pvKw, 4),
                    controls()));
        }
        if (windKw > 0) {
            add(WIND_UNIT, DeviceRole.WIND, List.of(common("wind turbine converters"), inverter(windKw),
                    nameplate(windKw, 4), controls()));
        }
        if (site.battery() != null) {
            add(BATTERY_UNIT, DeviceRole.BATTERY, List.of(common("battery PCS"), storage(batteryKw),
                    meter(batteryKw)));
        }
        add(GRID_UNIT, DeviceRole.GRID_METER, List.of(common("grid meter"), meter(busKw)));
        add(LOAD_UNIT, DeviceRole.LOAD_METER, List.of(common("load meter"), meter(busKw)));
    }

    private void add(int unit, DeviceRole role, List<ModelBlock> models) {
        units.put(unit, new SunSpecImage(40000, models, lock));
        roles.put(unit, role);
        units.get(unit).model(1).setRaw("DA", unit);
        units.get(unit).model(1).setText("SN", site.id() + "-" + role.key());
    }

    private ModelBlock common(String what) {
        ModelBlock b = ModelBlock.empty(SunSpecModels.get(1));
        b.setText("Mn", "GridTwin");
        b.setText("Md", what + " (twin)");
        b.setText("Opt", "");
        b.setText("Vr", "0.1.0");
        return b;
    }

    private static ModelBlock inverter(double ratedKw) {
        ModelBlock b = ModelBlock.empty(SunSpecModels.get(103));
        b.setRaw("W_SF", ModelBlock.scaleFor(1.2 * ratedKw * 1000));
        b.setRaw("WH_SF", 0);
        b.setRaw("Hz_SF", -2);
        b.setRaw("V_SF", -1);
        b.setRaw("Evt1", 0);
        b.set("W", 0);
        b.set("WH", 0);
        return b;
    }

    private static ModelBlock nameplate(double ratedKw, int derType) {
        ModelBlock b = ModelBlock.empty(SunSpecModels.get(120));
        b.setRaw("DERTyp", derType);
        b.setRaw("WRtg_SF", ModelBlock.scaleFor(ratedKw * 1000));
        b.set("WRtg", ratedKw * 1000);
        return b;
    }

    private static ModelBlock controls() {
        ModelBlock b = ModelBlock.empty(SunSpecModels.get(123));
        b.setRaw("WMaxLimPct_SF", -1);
        b.setRaw("OutPFSet_SF", -3);
        b.setRaw("VArPct_SF", -1);
        b.set("WMaxLimPct", 100);
        for (String p : List.of("Conn_WinTms", "Conn_RvrtTms", "WMaxLimPct_WinTms", "WMaxLimPct_RvrtTms",
                "WMaxLimPct_RmpTms", "WMaxLim_Ena", "OutPFSet_Ena", "VArPct_Ena")) {
            b.setRaw(p, 0);
        }
        b.setRaw("Conn", 1);
        return b;
    }

    private static ModelBlock meter(double magnitudeKw) {
        ModelBlock b = ModelBlock.empty(SunSpecModels.get(203));
        b.setRaw("W_SF", ModelBlock.scaleFor(1.2 * magnitudeKw * 1000));
        b.setRaw("TotWh_SF", 0);
        b.setRaw("Hz_SF", -2);
        b.setRaw("V_SF", -1);
        b.setRaw("Evt", 0);
        b.set("W", 0);
        b.set("TotWhImp", 0);
        b.set("TotWhExp", 0);
        return b;
    }

    private static ModelBlock storage(double ratedKw) {
        ModelBlock b = ModelBlock.empty(SunSpecModels.get(124));
        b.setRaw("WChaMax_SF", ModelBlock.scaleFor(ratedKw * 1000));
        b.set("WChaMax", ratedKw * 1000);
        b.setRaw("ChaState_SF", -2);
        b.setRaw("InOutWRte_SF", -2);
        b.setRaw("StorCtl_Mod", 0);
        b.set("InWRte", 0);
        b.set("OutWRte", 0);
        b.setRaw("InOutWRte_WinTms", 0);
        b.setRaw("InOutWRte_RvrtTms", 0);
        b.setRaw("InOutWRte_RmpTms", 0);
        return b;
    }

    /** The register images by unit id. */
    public Map<Integer, SunSpecImage> units() {
        return units;
    }

    /** What each unit is. */
    public Map<Integer, DeviceRole> roles() {
        return roles;
    }

    /**
     * A controller wrote to unit {@code unit}: the battery's setpoint was renewed at the site time of the last tick
     * (the revert time counts in site time, so a fast clock reverts as fast).
     */
    public void written(int unit, List<Integer> models) {
        synchronized (lock) {
            if (unit == BATTERY_UNIT && models.contains(124)) {
                lastWrite = tickTime;
            }
            if (models.contains(123)) {
                lastLimitWrite.put(unit, tickTime);
            }
        }
    }

    /**
     * The battery power the storage model's registers ask for now, kW (positive = discharge): 0 clamped into the
     * window [-InWRte, OutWRte] % of WChaMax of the active limits; 0 after the revert time without a write.
     */
    double setpointKw(Instant now) {
        if (!units.containsKey(BATTERY_UNIT)) {
            return 0;
        }
        ModelBlock s = units.get(BATTERY_UNIT).model(124);
        long mode = s.raw("StorCtl_Mod");
        long revert = s.raw("InOutWRte_RvrtTms");
        if (revert > 0 && lastWrite != null && now.isAfter(lastWrite.plusSeconds(revert))) {
            // the controller went quiet: back to the safe state until it writes again
            s.setRaw("StorCtl_Mod", 0);
            return 0;
        }
        double ratedKw = s.value("WChaMax") / 1000;
        double lo = (mode & CHARGE_BIT) != 0 ? -s.value("InWRte") / 100 * ratedKw : 0;
        double hi = (mode & DISCHARGE_BIT) != 0 ? s.value("OutWRte") / 100 * ratedKw : 0;
        if (lo > hi) {
            return 0; // an empty window is no instruction
        }
        return Math.max(lo, Math.min(hi, 0));
    }

    /**
     * The power limit unit {@code unit}'s immediate controls ask for now, kW: {@code WMaxLimPct} % of {@code WRtg}
     * while {@code WMaxLim_Ena} is 1; none (infinity) when disabled, without the unit, or after the revert time
     * without a write (the limit is then disabled, as an inverter would).
     */
    double limitKw(int unit, Instant now) {
        SunSpecImage image = units.get(unit);
        if (image == null) {
            return Double.POSITIVE_INFINITY;
        }
        ModelBlock c = image.model(123);
        if (c.raw("WMaxLim_Ena") != 1) {
            return Double.POSITIVE_INFINITY;
        }
        long revert = c.raw("WMaxLimPct_RvrtTms");
        Instant written = lastLimitWrite.get(unit);
        if (revert > 0 && written != null && now.isAfter(written.plusSeconds(revert))) {
            c.setRaw("WMaxLim_Ena", 0);
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(0, c.value("WMaxLimPct")) / 100 * image.model(120).value("WRtg") / 1000;
    }

    private org.gridtwin.dispatch.Setpoints applied(Instant now) {
        applied.reset();
        applied.batteryKw(setpointKw);
        applied.limitRenewables(limitKw(WIND_UNIT, now), limitKw(PV_UNIT, now));
        return applied;
    }

    /** Settles the cycle that ends at {@code now}, then begins the one of {@code seconds} that starts there. */
    public void tick(Instant now, double seconds) {
        synchronized (lock) {
            tickTime = now;
            if (open) {
                // the setpoint written during the cycle (after its measurements were shown) is what it ran on
                setpointKw = setpointKw(now);
                twin.write(applied(now));
                settle(twin.flows(), m.measuredEpochSecond, now);
            }
            twin.read(now, seconds / 3600, m);
            open = true;
            setpointKw = setpointKw(now);
            applied(now);
            show();
        }
    }

    /** Settles the cycle that ends at {@code now} and begins none (the end of a run). */
    public void settle(Instant now) {
        synchronized (lock) {
            tickTime = now;
            if (open) {
                setpointKw = setpointKw(now);
                twin.write(applied(now));
                settle(twin.flows(), m.measuredEpochSecond, now);
                open = false;
                show();
            }
        }
    }

    private void settle(SiteDevices.Flows f, long startEpochSecond, Instant now) {
        double h = (now.getEpochSecond() - startEpochSecond) / 3600.0;
        pvWh += f.pvKw() * h * 1000;
        windWh += f.windKw() * h * 1000;
        dischargeWh += Math.max(0, f.batteryKw()) * h * 1000;
        chargeWh += Math.max(0, -f.batteryKw()) * h * 1000;
        importWh += Math.max(0, f.gridKw()) * h * 1000;
        exportWh += Math.max(0, -f.gridKw()) * h * 1000;
        loadWh += f.loadKw() * h * 1000;
        lastFlows = f;
    }

    /** PV power shown now: what is available, at most the limit in force. */
    private double pvKw() {
        return Math.min(m.pvAvailableKw, applied.pvLimitKw());
    }

    private double windKw() {
        return Math.min(m.windAvailableKw, applied.windLimitKw());
    }

    private void show() {
        double bat = Math.max(-m.maxChargeKw, Math.min(m.maxDischargeKw, setpointKw));
        double grid = m.loadKw - pvKw() - windKw() - bat;
        {
            if (units.containsKey(PV_UNIT)) {
                ModelBlock inv = units.get(PV_UNIT).model(103);
                inv.set("W", pvKw() * 1000);
                inv.set("WH", pvWh);
                state(inv, pvKw());
            }
            if (units.containsKey(WIND_UNIT)) {
                ModelBlock inv = units.get(WIND_UNIT).model(103);
                inv.set("W", windKw() * 1000);
                inv.set("WH", windWh);
                state(inv, windKw());
            }
            if (units.containsKey(BATTERY_UNIT)) {
                ModelBlock meter = units.get(BATTERY_UNIT).model(203);
                meter.set("W", -bat * 1000);
                meter.set("TotWhImp", chargeWh);
                meter.set("TotWhExp", dischargeWh);
                grid(meter);
                ModelBlock s = units.get(BATTERY_UNIT).model(124);
                s.set("ChaState", m.socFraction * 100);
                // SunSpec ChaSt: 3 discharging, 4 charging, 6 holding
                s.setRaw("ChaSt", bat > 1e-9 ? 3 : bat < -1e-9 ? 4 : 6);
            }
            ModelBlock g = units.get(GRID_UNIT).model(203);
            g.set("W", grid * 1000);
            g.set("TotWhImp", importWh);
            g.set("TotWhExp", exportWh);
            grid(g);
            ModelBlock l = units.get(LOAD_UNIT).model(203);
            l.set("W", m.loadKw * 1000);
            l.set("TotWhImp", loadWh);
            l.set("TotWhExp", 0);
            grid(l);
        }
    }

    private static void state(ModelBlock inv, double kw) {
        // SunSpec St: 2 sleeping, 4 MPPT (producing)
        inv.setRaw("St", kw > 0 ? 4 : 2);
        inv.set("Hz", 50);
        inv.set("PhVphA", 230);
    }

    private static void grid(ModelBlock meter) {
        meter.set("Hz", 50);
        meter.set("PhVphA", 230);
    }

    /**
     * What the twin shows now (the instantaneous values of the cycle begun by the last tick), for other protocols
     * that serve the same devices: kW seen from the bus, SoC 0..1, the time of the tick.
     */
    public record Present(Instant time, double windKw, double pvKw, double loadKw, double batteryKw, double gridKw,
            double socFraction) {
    }

    public Present present() {
        synchronized (lock) {
            double bat = Math.max(-m.maxChargeKw, Math.min(m.maxDischargeKw, setpointKw));
            return new Present(tickTime, windKw(), pvKw(), m.loadKw, bat, m.loadKw - pvKw() - windKw() - bat,
                    m.socFraction);
        }
    }

    /**
     * A battery setpoint given by another protocol (an IEC 104 set-point command), written into the storage model
     * as a controller over Modbus would, without a revert time: it holds until the next one.
     *
     * @return null when written, else why not
     */
    public String commandBatteryKw(double kw) {
        if (!units.containsKey(BATTERY_UNIT)) {
            return "the site has no battery";
        }
        synchronized (lock) {
            ModelBlock s = units.get(BATTERY_UNIT).model(124);
            double rated = s.value("WChaMax") / 1000;
            if (!(Math.abs(kw) <= rated)) {
                return String.format(java.util.Locale.ROOT, "%.1f kW is beyond the battery's %.0f kW", kw, rated);
            }
            double pct = kw / rated * 100;
            s.set("OutWRte", pct);
            s.set("InWRte", -pct);
            s.setRaw("InOutWRte_RvrtTms", 0);
            s.setRaw("StorCtl_Mod", CHARGE_BIT | DISCHARGE_BIT);
            lastWrite = tickTime;
            return null;
        }
    }

    /** The setpoint the battery follows in the cycle begun by the last tick, kW. */
    public double appliedSetpointKw() {
        return setpointKw;
    }

    /** The twin's flows of the last settled cycle, or null before one. */
    public SiteDevices.Flows lastFlows() {
        return lastFlows;
    }

    /** Energies counted by the twin's meters so far, kWh, by name (pv, wind, charge, discharge, import, export, load). */
    public Map<String, Double> energiesKwh() {
        Map<String, Double> e = new LinkedHashMap<>();
        synchronized (lock) {
            energies(e);
        }
        return e;
    }

    private void energies(Map<String, Double> e) {
        e.put("pv", pvWh / 1000);
        e.put("wind", windWh / 1000);
        e.put("charge", chargeWh / 1000);
        e.put("discharge", dischargeWh / 1000);
        e.put("import", importWh / 1000);
        e.put("export", exportWh / 1000);
        e.put("load", loadWh / 1000);
    }

    public Site site() {
        return site;
    }

    /** The unit ids, in order. */
    public List<Integer> unitIds() {
        return new ArrayList<>(units.keySet());
    }
}
