package org.gridtwin.sim.kpi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridtwin.model.Battery;
import org.gridtwin.model.LoadSpec;
import org.gridtwin.model.Tariff.PeriodType;
import org.gridtwin.physics.load.LoadSeries;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.SiteResult;

/** Computes the KPIs of docs/kpis.md from dispatch results. */
public final class KpiCalculator {
    /** Days in an average month (365.25 / 12), the unit of {@code crane_months}. */
    public static final double DAYS_PER_MONTH = 365.25 / 12;

    private KpiCalculator() {
    }

    /** Per-site sums, kept separately so the fleet can add them before forming ratios. */
    private static final class Sums {
        /** The whole period's flows; {@code monthly} holds the same per calendar month. */
        final Flows all = new Flows();
        Flows[] monthly;
        double co2;
        double windRatedKw;
        double batteryKwh;
        double craneKwh;
        double householdAnnualKwh;
        double cars;
        double carSiteLoad;
        double income;
        double meanFactor;
        double demandCharge;
        double degradation;
        double carbon;
        double gridCo2;
        ResilienceKpi resilience = ResilienceKpi.NONE;
        /**
         * The fleet's equivalents: the sum of each site's own (its green energy over its own cranes or households),
         * never the fleet's green energy over one site's cranes; NaN for a site, which forms them itself.
         */
        double fleetCraneMonths = Double.NaN;
        double fleetHouseholdYears = Double.NaN;

        double craneMonths() {
            if (!Double.isNaN(fleetCraneMonths)) {
                return fleetCraneMonths;
            }
            return craneKwh > 0 ? (all.wind + all.pv) / craneKwh : 0;
        }

        double householdYears() {
            if (!Double.isNaN(fleetHouseholdYears)) {
                return fleetHouseholdYears;
            }
            return householdAnnualKwh > 0 ? (all.wind + all.pv) / householdAnnualKwh : 0;
        }

        void add(Sums o) {
            all.add(o.all);
            for (int m = 0; m < monthly.length; m++) {
                monthly[m].add(o.monthly[m]);
            }
            co2 += o.co2;
            windRatedKw += o.windRatedKw;
            batteryKwh += o.batteryKwh;
            craneKwh += o.craneKwh;
            householdAnnualKwh += o.householdAnnualKwh;
            cars += o.cars;
            carSiteLoad += o.carSiteLoad;
            income += o.income;
            meanFactor += o.meanFactor;
            demandCharge += o.demandCharge;
            degradation += o.degradation;
            carbon += o.carbon;
            gridCo2 += o.gridCo2;
            resilience = resilience.plus(o.resilience);
        }
    }

    /** The energy flows of a span (the period, or one calendar month), its peak import and its bill. */
    private static final class Flows {
        double wind;
        double pv;
        double load;
        double imp;
        double exp;
        double charge;
        double discharge;
        double curtailed;
        double unmet;
        double peakImportKw;
        double revenue;
        final double[] costByPeriod = new double[PeriodType.values().length];

        static Flows[] of(int months) {
            Flows[] out = new Flows[months];
            for (int m = 0; m < months; m++) {
                out[m] = new Flows();
            }
            return out;
        }

        /** One step of a site: the flows in kWh, the import price and feed-in price. */
        void step(SiteResult r, int i, double dt, int period, double price, double feedIn) {
            double importKwh = Math.max(0, r.gridKw()[i]) * dt;
            double exportKwh = Math.max(0, -r.gridKw()[i]) * dt;
            wind += r.windKw()[i] * dt;
            pv += r.pvKw()[i] * dt;
            load += r.loadKw()[i] * dt;
            imp += importKwh;
            exp += exportKwh;
            charge += Math.max(0, -r.batteryKw()[i]) * dt;
            discharge += Math.max(0, r.batteryKw()[i]) * dt;
            curtailed += r.curtailedKw()[i] * dt;
            unmet += r.unmetKw()[i] * dt;
            peakImportKw = Math.max(peakImportKw, importKwh / dt);
            costByPeriod[period] += importKwh * price;
            revenue += exportKwh * feedIn;
        }

        /** Adds another site's flows of the same span; peaks are not added (the fleet's are coincident). */
        void add(Flows o) {
            wind += o.wind;
            pv += o.pv;
            load += o.load;
            imp += o.imp;
            exp += o.exp;
            charge += o.charge;
            discharge += o.discharge;
            curtailed += o.curtailed;
            unmet += o.unmet;
            revenue += o.revenue;
            for (int p = 0; p < costByPeriod.length; p++) {
                costByPeriod[p] += o.costByPeriod[p];
            }
        }

        double cost() {
            double sum = 0;
            for (double c : costByPeriod) {
                sum += c;
            }
            return sum;
        }

        Kpi.MonthlyEnergy toKpi(String label) {
            Map<PeriodType, Double> cost = new EnumMap<>(PeriodType.class);
            for (PeriodType p : PeriodType.values()) {
                if (costByPeriod[p.ordinal()] != 0) {
                    cost.put(p, costByPeriod[p.ordinal()]);
                }
            }
            return new Kpi.MonthlyEnergy(label, wind, pv, load, imp, exp, charge, discharge, curtailed, unmet,
                    peakImportKw, cost, revenue);
        }
    }

    public static Kpi site(SiteResult r) {
        return toKpi(sums(r), r.inputs().grid());
    }

    /** The fleet: energies and money summed; ratios formed from the sums; peak import coincident across sites. */
    public static Kpi fleet(List<SiteResult> results) {
        return fleet(results, results.stream().map(KpiCalculator::sums).toList());
    }

    /**
     * The sites' indicators (in order) followed by the fleet's, each site's steps summed once.
     */
    public static List<Kpi> sitesAndFleet(List<SiteResult> results) {
        List<Sums> sums = results.stream().map(KpiCalculator::sums).toList();
        List<Kpi> out = new ArrayList<>(results.size() + 1);
        for (int i = 0; i < results.size(); i++) {
            out.add(toKpi(sums.get(i), results.get(i).inputs().grid()));
        }
        out.add(fleet(results, sums));
        return out;
    }

    private static Kpi fleet(List<SiteResult> results, List<Sums> siteSums) {
        Sums total = new Sums();
        TimeGrid grid = results.get(0).inputs().grid();
        total.monthly = Flows.of(grid.months());
        total.fleetCraneMonths = 0;
        total.fleetHouseholdYears = 0;
        for (Sums s : siteSums) {
            total.fleetCraneMonths += s.craneMonths();
            total.fleetHouseholdYears += s.householdYears();
            total.add(s);
        }
        total.meanFactor /= siteSums.size();
        // the fleet's peaks are coincident: the highest sum of the sites' imports in one step (each site has its
        // own connection, so one site's export does not offset another's import)
        for (int i = 0; i < grid.steps(); i++) {
            double sum = 0;
            for (SiteResult r : results) {
                sum += Math.max(0, r.gridKw()[i]);
            }
            Flows m = total.monthly[grid.monthIndex(i)];
            m.peakImportKw = Math.max(m.peakImportKw, sum);
            total.all.peakImportKw = Math.max(total.all.peakImportKw, sum);
        }
        return toKpi(total, grid);
    }

    private static Sums sums(SiteResult r) {
        TimeGrid grid = r.inputs().grid();
        double dt = grid.stepHours();
        Sums s = new Sums();
        s.monthly = Flows.of(grid.months());
        org.gridtwin.physics.grid.TariffSeries tariff = r.inputs().tariff();
        double[] price = tariff.prices();
        double feedIn = r.inputs().site().grid().feedInYuanPerKwh();
        double[] factor = r.inputs().emissionTPerMwh();
        double factorSum = 0;
        double importedCo2 = 0;
        for (int i = 0; i < r.steps(); i++) {
            int period = tariff.period(i).ordinal();
            s.all.step(r, i, dt, period, price[i], feedIn);
            s.monthly[grid.monthIndex(i)].step(r, i, dt, period, price[i], feedIn);
            s.co2 += (r.windKw()[i] + r.pvKw()[i]) * dt * factor[i] / 1000;
            importedCo2 += Math.max(0, r.gridKw()[i]) * dt * factor[i] / 1000;
            factorSum += factor[i];
        }
        s.meanFactor = factorSum / r.steps();
        org.gridtwin.model.DispatchSettings.Costs costs = r.inputs().site().dispatch().costs();
        for (Flows m : s.monthly) {
            s.demandCharge += m.peakImportKw * costs.demandChargeYuanPerKwMonth();
        }
        Flows a = s.all;
        s.degradation = (a.charge + a.discharge) / 2 * costs.degradationYuanPerKwh();
        s.carbon = importedCo2 * costs.carbonPriceYuanPerT();
        s.gridCo2 = importedCo2;
        s.windRatedKw = r.inputs().site().windRatedKw();
        Battery b = r.inputs().site().battery();
        s.batteryKwh = b == null ? 0 : b.energyKwh();
        double periodDays = r.steps() * dt / 24;
        for (LoadSeries ls : r.inputs().loads()) {
            if (ls.spec() instanceof LoadSpec.CraneFleet crane && crane.kind() == LoadSpec.Kind.YARD) {
                s.craneKwh += energyKwh(ls.kw(), dt) / (periodDays / DAYS_PER_MONTH);
            } else if (ls.spec() instanceof LoadSpec.Households h) {
                s.householdAnnualKwh += h.annualKwhPerHousehold();
                // self-consumed PV saves the retail price, exports earn the feed-in price, all PV earns the subsidy
                double selfConsumed = Math.max(0, a.wind + a.pv - a.exp);
                s.income += selfConsumed * h.tariffYuanPerKwh() + a.revenue + a.pv * h.pvSubsidyYuanPerKwh();
            }
            s.cars += ls.carsProduced();
        }
        if (s.cars > 0) {
            s.carSiteLoad = a.load;
        }
        s.resilience = resilience(r);
        return s;
    }

    /** The outage indicators of one site's run. */
    static ResilienceKpi resilience(SiteResult r) {
        org.gridtwin.sim.IslandSeries is = r.island();
        double dt = r.inputs().grid().stepHours();
        return new ResilienceKpi(energyKwh(is.unmetCriticalKw(), dt), energyKwh(is.unmetPriorityKw(), dt),
                energyKwh(is.unmetSheddableKw(), dt), r.inputs().faults().gridDownSteps(r.steps()) * dt,
                is.steps(org.gridtwin.physics.bus.IslandState.ISLANDED) * dt,
                is.steps(org.gridtwin.physics.bus.IslandState.BLACKOUT) * dt,
                is.count(org.gridtwin.physics.bus.SiteBus.ISLANDED_NOW),
                is.count(org.gridtwin.physics.bus.SiteBus.TIER_SHED),
                is.count(org.gridtwin.physics.bus.SiteBus.BLACKOUT_NOW),
                is.count(org.gridtwin.physics.bus.SiteBus.BLACK_START),
                is.count(org.gridtwin.physics.bus.SiteBus.RESYNC), r.reserveCostYuan());
    }

    private static Kpi toKpi(Sums s, TimeGrid grid) {
        Flows a = s.all;
        double green = a.wind + a.pv;
        // HOMER's renewable fraction: 1 − non-renewable energy / energy served (load served + grid sales)
        double served = a.load - a.unmet + a.exp;
        double renewableFraction = served > 0 ? Math.max(0, 1 - a.imp / served) : 0;
        double selfSufficiency = a.load > 0 ? 1 - (a.imp + a.unmet) / a.load : 0;
        double factor = green > 0 ? s.co2 * 1000 / green : s.meanFactor;
        List<Kpi.MonthlyEnergy> monthly = new ArrayList<>();
        for (int m = 0; m < s.monthly.length; m++) {
            monthly.add(s.monthly[m].toKpi(grid.monthLabel(m)));
        }
        double cost = a.cost();
        return new Kpi(a.wind, a.pv, a.load, a.imp, a.exp, a.charge, a.discharge, a.curtailed, a.unmet,
                renewableFraction, selfSufficiency, a.peakImportKw, cost, a.revenue, s.co2, factor,
                s.windRatedKw > 0 ? a.wind / s.windRatedKw : 0,
                s.batteryKwh > 0 ? (a.charge + a.discharge) / 2 / s.batteryKwh : 0,
                s.craneMonths(),
                s.householdYears(),
                Math.floor(s.cars + 1e-9),
                s.cars > 0 ? s.carSiteLoad / s.cars : 0,
                s.income, s.demandCharge, s.degradation, s.carbon,
                cost - a.revenue + s.demandCharge + s.degradation + s.carbon, s.gridCo2, monthly, s.resilience);
    }

    static double energyKwh(double[] kw, double stepHours) {
        double sum = 0;
        for (double v : kw) {
            sum += v;
        }
        return sum * stepHours;
    }
}
