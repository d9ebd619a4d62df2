package org.gridtwin.server;

import org.gridtwin.model.Battery;
import org.gridtwin.model.LoadSpec;
import org.gridtwin.model.PvArray;
import org.gridtwin.model.Site;
import org.gridtwin.model.WindFarm;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A site and its assets as the API shows them; units in the key names, as in the scenario file. */
final class SiteJson {
    private SiteJson() {
    }

    static ObjectNode of(Site s) {
        ObjectNode o = Snapshot.JSON.createObjectNode();
        o.put("id", s.id());
        o.put("name", s.name());
        o.put("time_zone", s.timeZone().getId());
        o.put("latitude_deg", s.latitudeDeg());
        o.put("longitude_deg", s.longitudeDeg());
        o.put("strategy", s.dispatch().strategy());
        ObjectNode assets = o.putObject("assets");
        ArrayNode wind = assets.putArray("wind");
        for (WindFarm w : s.wind()) {
            ObjectNode n = wind.addObject();
            n.put("id", w.id());
            n.put("turbines", w.count());
            n.put("rated_kw", w.ratedKwTotal());
            n.put("hub_height_m", w.hubHeightM());
        }
        ArrayNode pv = assets.putArray("pv");
        for (PvArray p : s.pv()) {
            ObjectNode n = pv.addObject();
            n.put("id", p.id());
            n.put("capacity_kwp", p.capacityKwDc());
            n.put("inverter_kw", p.inverterKwAc());
            n.put("tilt_deg", p.tiltDeg());
            n.put("azimuth_deg", p.azimuthDeg());
        }
        Battery b = s.battery();
        if (b == null) {
            assets.putNull("battery");
        } else {
            ObjectNode n = assets.putObject("battery");
            n.put("energy_kwh", b.energyKwh());
            n.put("charge_kw", b.chargeKw());
            n.put("discharge_kw", b.dischargeKw());
            n.put("soc_min_fraction", b.socMinFraction());
            n.put("soc_max_fraction", b.socMaxFraction());
        }
        ObjectNode g = assets.putObject("grid");
        g.put("import_limit_kw", s.grid().importLimitKw());
        g.put("export_limit_kw", s.grid().exportLimitKw());
        g.put("feed_in_yuan_per_kwh", s.grid().feedInYuanPerKwh());
        ArrayNode loads = assets.putArray("loads");
        for (LoadSpec l : s.loads()) {
            ObjectNode n = loads.addObject();
            n.put("id", l.id());
            n.put("type", type(l));
        }
        return o;
    }

    private static String type(LoadSpec l) {
        String simple = l.getClass().getSimpleName();
        StringBuilder sb = new StringBuilder();
        for (char c : simple.toCharArray()) {
            if (Character.isUpperCase(c) && sb.length() > 0) {
                sb.append('_');
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }
}
