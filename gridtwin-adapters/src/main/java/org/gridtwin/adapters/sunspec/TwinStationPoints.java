package org.gridtwin.adapters.sunspec;

import java.time.Instant;
import java.util.List;
import org.gridtwin.adapters.iec104.Asdu;
import org.gridtwin.adapters.iec104.SitePointMap;
import org.gridtwin.adapters.iec104.StationPoints;

/**
 * A site's twin devices as an IEC 104 controlled station (common address 1): the objects of {@link SitePointMap}
 * from the twins' present values, and the battery's set-point at 3001 (C_SE_NC_1, select before operate).
 */
public final class TwinStationPoints implements StationPoints {
    public static final int COMMON_ADDRESS = 1;
    public static final int BATTERY_SETPOINT = SitePointMap.BATTERY_SETPOINT;
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
        java.util.Map<String, Double> e = twin.energiesKwh();
        return SitePointMap.points(new SitePointMap.SiteValues(p.time() == null ? now : p.time(), p.windKw(),
                p.pvKw(), p.loadKw(), p.batteryKw(), p.gridKw(), p.socFraction(), twin.site().battery() != null,
                new SitePointMap.Energies(e.get("wind"), e.get("pv"), e.get("load"), e.get("discharge"),
                        e.get("charge"), e.get("import"), e.get("export"))));
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
