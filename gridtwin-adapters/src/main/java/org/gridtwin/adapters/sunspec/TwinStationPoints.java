package org.gridtwin.adapters.sunspec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridtwin.adapters.iec104.Asdu;
import org.gridtwin.adapters.iec104.StationPoints;

/**
 * A site's twin devices as an IEC 104 controlled station (common address 1): measured values as short floats with
 * time tags, kW seen from the bus, and the battery's set-point.
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
 * <tr><td>3001</td><td>battery setpoint, kW (discharge +)</td><td>C_SE_NC_1 (50), select before operate</td></tr>
 * </table>
 */
public final class TwinStationPoints implements StationPoints {
    public static final int COMMON_ADDRESS = 1;
    public static final int BATTERY_SETPOINT = 3001;
    private final SunSpecTwin twin;

    public TwinStationPoints(SunSpecTwin twin) {
        this.twin = twin;
    }

    @Override
    public int commonAddress() {
        return COMMON_ADDRESS;
    }

    @Override
    public List<Asdu.InfoObject> points(Instant now) {
        SunSpecTwin.Present p = twin.present();
        Instant t = p.time() == null ? now : p.time();
        List<Asdu.InfoObject> out = new ArrayList<>();
        out.add(new Asdu.ShortFloat(1001, (float) p.windKw(), 0, t));
        out.add(new Asdu.ShortFloat(1002, (float) p.pvKw(), 0, t));
        out.add(new Asdu.ShortFloat(1003, (float) p.loadKw(), 0, t));
        if (twin.site().battery() != null) {
            out.add(new Asdu.ShortFloat(1004, (float) p.batteryKw(), 0, t));
        }
        out.add(new Asdu.ShortFloat(1005, (float) p.gridKw(), 0, t));
        if (twin.site().battery() != null) {
            out.add(new Asdu.ShortFloat(1006, (float) (p.socFraction() * 100), 0, t));
            out.add(new Asdu.SinglePoint(2001, p.batteryKw() > 1e-9, 0, t));
            out.add(new Asdu.SinglePoint(2002, p.batteryKw() < -1e-9, 0, t));
        }
        return out;
    }

    @Override
    public boolean isSetpoint(int ioa) {
        return ioa == BATTERY_SETPOINT && twin.site().battery() != null;
    }

    @Override
    public String setpoint(int ioa, float value) {
        return twin.commandBatteryKw(value);
    }
}
