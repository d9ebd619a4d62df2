package org.gridtwin.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridtwin.ems.LiveSite;
import org.gridtwin.ems.SiteDevices;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fleet's live state after a cycle, already serialised: the live-state endpoints and the stream write these
 * bytes as they are, so a request costs no work on the control thread and no JSON building of its own.
 *
 * @param time     site time of the next cycle (the state is that at the end of the last one)
 * @param live     {@code GET /api/live}
 * @param siteLive {@code GET /api/sites/{id}/live} by site id
 * @param kpis     {@code GET /api/kpis}
 */
public record Snapshot(Instant time, byte[] live, Map<String, byte[]> siteLive, byte[] kpis) {
    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One site's state after a cycle, copied on the control thread so that the snapshot can be serialised on
     * another.
     */
    record SiteState(LiveFleet.Member member, Instant lastTime, SiteDevices.Flows flows, double priceYuanPerKwh,
            org.gridtwin.model.Tariff.PeriodType period, LiveSite.Counters counters, SiteDevices.IslandStatus island) {
        static SiteState of(LiveFleet.Member m) {
            LiveSite live = m.live();
            LiveSite.Counters copy = new LiveSite.Counters();
            copy.restore(live.counters().toMap());
            return new SiteState(m, live.lastTime(), live.lastFlows(), live.lastPriceYuanPerKwh(), live.lastPeriod(),
                    copy, live.lastIsland());
        }
    }

    static Snapshot of(LiveFleet fleet, Instant time, long cycles, java.util.List<SiteState> states) {
        ObjectNode root = JSON.createObjectNode();
        root.put("time", time.toString());
        root.put("scenario", fleet.scenario().name());
        root.put("cycle_s", fleet.options().cycle().toNanos() / 1e9);
        root.put("speed", fleet.options().speed());
        root.put("cycles", cycles);
        root.put("started", fleet.startedAt().toString());
        root.put("since", fleet.since().toString());
        ObjectNode fleetPower = JSON.createObjectNode();
        Totals totals = new Totals();
        Map<String, byte[]> siteLive = new LinkedHashMap<>();
        ObjectNode kpiSites = JSON.createObjectNode();
        var sites = root.putArray("sites");
        for (SiteState st : states) {
            ObjectNode s = site(st, totals);
            sites.add(s);
            siteLive.put(st.member().site().id(), JSON.writeValueAsBytes(s));
            kpiSites.set(st.member().site().id(), s.get("kpis"));
        }
        fleetPower.put("wind_kw", totals.windKw);
        fleetPower.put("pv_kw", totals.pvKw);
        fleetPower.put("load_kw", totals.loadKw);
        fleetPower.put("battery_kw", totals.batteryKw);
        fleetPower.put("grid_kw", totals.gridKw);
        ObjectNode fleetNode = root.putObject("fleet");
        fleetNode.set("power", fleetPower);
        ObjectNode fleetKpis = totals.kpis();
        fleetNode.set("kpis", fleetKpis);
        ObjectNode kpis = JSON.createObjectNode();
        kpis.put("time", time.toString());
        kpis.put("since", fleet.since().toString());
        kpis.set("fleet", fleetKpis);
        kpis.set("sites", kpiSites);
        return new Snapshot(time, JSON.writeValueAsBytes(root), Map.copyOf(siteLive), JSON.writeValueAsBytes(kpis));
    }

    /** The operator's instructions in force (null when the strategy runs everything), visible to everyone. */
    private static void manual(ObjectNode s, org.gridtwin.ems.ManualControl manual) {
        org.gridtwin.ems.ManualControl.BatteryHold b = manual.battery();
        org.gridtwin.ems.ManualControl.RenewablesLimit l = manual.limit();
        if (b == null && l == null) {
            s.putNull("manual");
            return;
        }
        ObjectNode n = s.putObject("manual");
        if (b != null) {
            ObjectNode o = n.putObject("battery");
            o.put("kw", b.kw());
            o.put("until", b.until().toString());
            o.put("source", b.source());
        }
        if (l != null) {
            ObjectNode o = n.putObject("limit");
            o.put("wind_kw", Double.isInfinite(l.windKw()) ? null : l.windKw());
            o.put("pv_kw", Double.isInfinite(l.pvKw()) ? null : l.pvKw());
            o.put("until", l.until().toString());
            o.put("source", l.source());
        }
    }

    /** On the grid, islanded or dark, and which tiers are shed. */
    private static void island(ObjectNode s, SiteDevices.IslandStatus is) {
        ObjectNode n = s.putObject("island");
        n.put("state", is.state().key());
        n.put("shed_level", is.shedLevel());
        var shed = n.putArray("shed");
        if (is.shedLevel() >= org.gridtwin.physics.bus.SiteBus.SHED_SHEDDABLE) {
            shed.add("sheddable");
        }
        if (is.shedLevel() >= org.gridtwin.physics.bus.SiteBus.SHED_PRIORITY) {
            shed.add("priority");
        }
        if (is.shedLevel() >= org.gridtwin.physics.bus.SiteBus.SHED_ALL) {
            shed.add("critical");
        }
        n.put("unmet_critical_kw", is.unmetCriticalKw());
        n.put("unmet_priority_kw", is.unmetPriorityKw());
        n.put("unmet_sheddable_kw", is.unmetSheddableKw());
    }

    private static ObjectNode site(SiteState st, Totals totals) {
        LiveFleet.Member m = st.member();
        ObjectNode s = JSON.createObjectNode();
        s.put("id", m.site().id());
        s.put("name", m.site().name());
        SiteDevices.Flows f = st.flows();
        s.put("time", st.lastTime() == null ? null : st.lastTime().toString());
        ObjectNode power = s.putObject("power");
        if (f != null) {
            power.put("wind_kw", f.windKw());
            power.put("pv_kw", f.pvKw());
            power.put("load_kw", f.loadKw());
            power.put("battery_kw", f.batteryKw());
            power.put("grid_kw", f.gridKw());
            power.put("unmet_kw", f.unmetKw());
            power.put("curtailed_kw", f.curtailedKw());
            s.put("soc_fraction", m.site().battery() != null ? f.socFraction() : null);
            s.put("price_yuan_per_kwh", st.priceYuanPerKwh());
            s.put("tariff_period", st.period() == null ? null : st.period().name().toLowerCase());
            totals.windKw += f.windKw();
            totals.pvKw += f.pvKw();
            totals.loadKw += f.loadKw();
            totals.batteryKw += f.batteryKw();
            totals.gridKw += f.gridKw();
        }
        s.put("mode", m.live().manual().mode());
        s.put("strategy", m.live().strategyName());
        island(s, st.island());
        manual(s, m.live().manual());
        ObjectNode counters = s.putObject("counters");
        LiveSite.Counters c = st.counters();
        c.toMap().forEach(counters::put);
        KpiBasis b = m.basis();
        double green = c.greenKwh();
        ObjectNode k = s.putObject("kpis");
        k.put("green_kwh", green);
        k.put("wind_kwh", c.windKwh());
        k.put("pv_kwh", c.pvKwh());
        k.put("co2_avoided_t", c.co2AvoidedT());
        k.put("crane_months", b.craneMonths(green));
        k.put("household_years", b.householdYears(green));
        k.put("household_income_yuan", b.householdIncomeYuan(green, c.pvKwh(), c.exportKwh()));
        totals.add(c, b);
        return s;
    }

    /** Fleet sums of energies and money; a crane-month or household-year is its own site's, summed. */
    private static final class Totals {
        double windKw;
        double pvKw;
        double loadKw;
        double batteryKw;
        double gridKw;
        double windKwh;
        double pvKwh;
        double co2;
        double craneMonths;
        double householdYears;
        double income;

        void add(LiveSite.Counters c, KpiBasis b) {
            windKwh += c.windKwh();
            pvKwh += c.pvKwh();
            co2 += c.co2AvoidedT();
            // each site's equivalents from its own green energy (the simulation's fleet KPIs do the same)
            craneMonths += b.craneMonths(c.greenKwh());
            householdYears += b.householdYears(c.greenKwh());
            income += b.householdIncomeYuan(c.greenKwh(), c.pvKwh(), c.exportKwh());
        }

        ObjectNode kpis() {
            double green = windKwh + pvKwh;
            ObjectNode k = JSON.createObjectNode();
            k.put("green_kwh", green);
            k.put("wind_kwh", windKwh);
            k.put("pv_kwh", pvKwh);
            k.put("co2_avoided_t", co2);
            k.put("crane_months", craneMonths);
            k.put("household_years", householdYears);
            k.put("household_income_yuan", income);
            return k;
        }
    }
}
