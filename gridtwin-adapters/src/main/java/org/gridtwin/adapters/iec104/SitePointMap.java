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
 * </table>
 *
 * The battery's points are served only for sites with a battery.
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
    /** A battery's float set-point (C_SE_NC_1), where a station takes one. */
    public static final int BATTERY_SETPOINT = 3001;

    private SitePointMap() {
    }

    /** A site's values at one time, kW from the bus and SoC 0..1 (NaN without a battery). */
    public record SiteValues(Instant time, double windKw, double pvKw, double loadKw, double batteryKw, double gridKw,
            double socFraction, boolean hasBattery) {
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
        return out;
    }
}
