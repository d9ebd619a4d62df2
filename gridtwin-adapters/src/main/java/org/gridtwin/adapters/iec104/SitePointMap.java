package org.gridtwin.adapters.iec104;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The information objects a site is served as, the same for its twins ({@code gridtwin devices --iec104-port}) and
 * for its live state ({@code gridtwin serve --iec104-port}), so one SCADA configuration reads both: kW seen from the
 * site bus, short floats with time tags.
 *
 * <table>
 * <caption>Information object addresses</caption>
 * <tr><th>IOA</th><th>Point</th><th>Type</th></tr>
 * <tr><td>1001</td><td>wind power, kW</td><td>M_ME_TF_1 (36)</td></tr>
 * <tr><td>1002</td><td>PV power, kW</td><td>36</td></tr>
 * <tr><td>1003</td><td>load, kW</td><td>36</td></tr>
 * <tr><td>1004</td><td>battery power, kW (discharge +)</td><td>36</td></tr>
 * <tr><td>1005</td><td>grid power, kW (import +)</td><td>36</td></tr>
 * <tr><td>1006</td><td>battery state of charge, %</td><td>36</td></tr>
 * <tr><td>2001</td><td>battery discharging</td><td>M_SP_TB_1 (30)</td></tr>
 * <tr><td>2002</td><td>battery charging</td><td>30</td></tr>
 * <tr><td>4001–4007</td><td>energy counters, 0.1 kWh: wind, PV, load, discharge, charge, import, export</td>
 * <td>M_IT_TB_1 (37), integrated totals with CP56Time2a</td></tr>
 * </table>
 *
 * The battery's points are served only for sites with a battery. The counters count from the twins' start (or the
 * live site's counters, which continue across restarts); at 0.1 kWh an int32 counts to 214 GWh.
 */
public final class SitePointMap {
    public static final int WIND_KW = 1001;
    public static final int PV_KW = 1002;
    public static final int LOAD_KW = 1003;
    public static final int BATTERY_KW = 1004;
    public static final int GRID_KW = 1005;
    public static final int SOC_PERCENT = 1006;
    public static final int DISCHARGING = 2001;
    public static final int CHARGING = 2002;
    public static final int WIND_KWH = 4001;
    public static final int PV_KWH = 4002;
    public static final int LOAD_KWH = 4003;
    public static final int DISCHARGE_KWH = 4004;
    public static final int CHARGE_KWH = 4005;
    public static final int IMPORT_KWH = 4006;
    public static final int EXPORT_KWH = 4007;
    /** The counters' unit, kWh per count. */
    public static final double KWH_PER_COUNT = 0.1;
    /** A battery's float set-point (C_SE_NC_1), where a station takes one. */
    public static final int BATTERY_SETPOINT = 3001;

    private SitePointMap() {
    }

    /** A site's values at one time, kW from the bus and SoC 0..1 (NaN without a battery); energies may be null. */
    public record SiteValues(Instant time, double windKw, double pvKw, double loadKw, double batteryKw, double gridKw,
            double socFraction, boolean hasBattery, Energies energies) {
    }

    /** Energy counters, kWh. */
    public record Energies(double windKwh, double pvKwh, double loadKwh, double dischargeKwh, double chargeKwh,
            double importKwh, double exportKwh) {
    }

    private static void counter(List<Asdu.InfoObject> out, int ioa, double kwh, Instant t) {
        out.add(new Asdu.Measured(ioa, 37, Math.floor(kwh / KWH_PER_COUNT), 0, t));
    }

    public static List<Asdu.InfoObject> points(SiteValues v) {
        Instant t = v.time();
        List<Asdu.InfoObject> out = new ArrayList<>();
        out.add(new Asdu.ShortFloat(WIND_KW, (float) v.windKw(), 0, t));
        out.add(new Asdu.ShortFloat(PV_KW, (float) v.pvKw(), 0, t));
        out.add(new Asdu.ShortFloat(LOAD_KW, (float) v.loadKw(), 0, t));
        if (v.hasBattery()) {
            out.add(new Asdu.ShortFloat(BATTERY_KW, (float) v.batteryKw(), 0, t));
        }
        out.add(new Asdu.ShortFloat(GRID_KW, (float) v.gridKw(), 0, t));
        if (v.hasBattery()) {
            out.add(new Asdu.ShortFloat(SOC_PERCENT, (float) (v.socFraction() * 100), 0, t));
            out.add(new Asdu.SinglePoint(DISCHARGING, v.batteryKw() > 1e-9, 0, t));
            out.add(new Asdu.SinglePoint(CHARGING, v.batteryKw() < -1e-9, 0, t));
        }
        Energies e = v.energies();
        if (e != null) {
            counter(out, WIND_KWH, e.windKwh(), t);
            counter(out, PV_KWH, e.pvKwh(), t);
            counter(out, LOAD_KWH, e.loadKwh(), t);
            if (v.hasBattery()) {
                counter(out, DISCHARGE_KWH, e.dischargeKwh(), t);
                counter(out, CHARGE_KWH, e.chargeKwh(), t);
            }
            counter(out, IMPORT_KWH, e.importKwh(), t);
            counter(out, EXPORT_KWH, e.exportKwh(), t);
        }
        return out;
    }
}
