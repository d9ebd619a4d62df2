package org.gridtwin.adapters.iec104;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A site of {@code gridtwin serve} as an IEC 104 controlled station for a SCADA: the objects of
 * {@link SitePointMap} from the site's live document (the JSON of {@code GET /api/sites/{id}/live}: the flows of its
 * last cycle, time-tagged with that cycle's start). Monitoring only: set-point commands are answered negatively
 * (unknown object) until operator control exists.
 */
public final class LiveStationPoints implements StationPoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int commonAddress;
    private final boolean hasBattery;
    private final Supplier<byte[]> live;

    /**
     * @param live the site's latest live document, or null before its first cycle
     */
    public LiveStationPoints(int commonAddress, boolean hasBattery, Supplier<byte[]> live) {
        if (commonAddress < 1 || commonAddress > 65_534) {
            throw new IllegalArgumentException("a common address is 1..65534, was " + commonAddress);
        }
        this.commonAddress = commonAddress;
        this.hasBattery = hasBattery;
        this.live = live;
    }

    @Override
    public int commonAddress() {
        return commonAddress;
    }

    @Override
    public List<Asdu.InfoObject> points(Instant now) {
        byte[] doc = live.get();
        if (doc == null) {
            return List.of();
        }
        JsonNode s = JSON.readTree(doc);
        JsonNode p = s.path("power");
        if (p.isMissingNode() || s.path("time").isNull() || s.path("time").isMissingNode()) {
            return List.of();
        }
        JsonNode c = s.path("counters");
        SitePointMap.Energies energies = c.isMissingNode() ? null : new SitePointMap.Energies(
                c.path("wind_kwh").asDouble(), c.path("pv_kwh").asDouble(), c.path("load_kwh").asDouble(),
                c.path("discharge_kwh").asDouble(), c.path("charge_kwh").asDouble(), c.path("import_kwh").asDouble(),
                c.path("export_kwh").asDouble());
        return SitePointMap.points(new SitePointMap.SiteValues(Instant.parse(s.get("time").asText()),
                p.path("wind_kw").asDouble(), p.path("pv_kw").asDouble(), p.path("load_kw").asDouble(),
                p.path("battery_kw").asDouble(), p.path("grid_kw").asDouble(),
                s.path("soc_fraction").asDouble(Double.NaN), hasBattery, energies));
    }

    @Override
    public boolean isSetpoint(int ioa) {
        return false;
    }

    @Override
    public String setpoint(int ioa, float value) {
        return "serve takes no set-points over IEC 104";
    }
}
