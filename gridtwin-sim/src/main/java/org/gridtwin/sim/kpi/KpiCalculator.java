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

    /** Per-site energy sums, kept separately so the fleet can add them before forming ratios. */
    private static final class Sums {
        double wind;
        double pv;
        double load;
        double imp;
        double exp;
        double charge;
        double discharge;
        double curtailed;
        double unmet;
        double cost;
        double revenue;
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
        double peakImportKw;
        Month[] monthly;
    }

    /** One calendar month's sums. */
    private static final class Month {
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

        static Month[] of(int months) {
            Month[] out = new Month[months];
            for (int m = 0; m < months; m++) {
                out[m] = new Month();
            }
            return out;
        }

        void add(Month o) {
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
        Sums s = sums(r);
        return toKpi(s, s.peakImportKw, r.inputs().grid());
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
            out.add(toKpi(sums.get(i), sums.get(i).peakImportKw, results.get(i).inputs().grid()));
        }
        out.add(fleet(results, sums));
        return out;
    }

    private static Kpi fleet(List<SiteResult> results, List<Sums> siteSums) {
        Sums total = new Sums();
        TimeGrid grid = results.get(0).inputs().grid();
        total.monthly = Month.of(grid.months());
        double factorWeight = 0;
        for (Sums s : siteSums) {
            total.wind += s.wind;
            total.pv += s.pv;
            total.load += s.load;
            total.imp += s.imp;
            total.exp += s.exp;
            total.charge += s.charge;
            total.discharge += s.discharge;
            total.curtailed += s.curtailed;
            total.unmet += s.unmet;
            total.cost += s.cost;
            total.revenue += s.revenue;
            total.co2 += s.co2;
            total.windRatedKw += s.windRatedKw;
            total.batteryKwh += s.batteryKwh;
            total.craneKwh += s.craneKwh;
            total.householdAnnualKwh += s.householdAnnualKwh;
            total.cars += s.cars;
            total.carSiteLoad += s.carSiteLoad;
            total.income += s.income;
            total.meanFactor += s.meanFactor;
            total.demandCharge += s.demandCharge;
            total.degradation += s.degradation;
            total.carbon += s.carbon;
            total.gridCo2 += s.gridCo2;
            factorWeight += 1;
            for (int m = 0; m < total.monthly.length; m++) {
                total.monthly[m].add(s.monthly[m]);
            }
        }
        total.meanFactor /= factorWeight;
        // the fleet's peaks are coincident: the highest sum of the sites' imports in one step (each site has its
        // own connection, so one site's export does not offset another's import)
        double peak = 0;
        for (int i = 0; i < grid.steps(); i++) {
            double sum = 0;
            for (SiteResult r : results) {
                sum += Math.max(0, r.gridKw()[i]);
            }
            Month m = total.monthly[grid.monthIndex(i)];
            m.peakImportKw = Math.max(m.peakImportKw, sum);
            peak = Math.max(peak, sum);
        }
        return toKpi(total, peak, grid);
    }

    private static Sums sums(SiteResult r) {
        TimeGrid grid = r.inputs().grid();
        double dt = grid.stepHours();
        Sums s = new Sums();
        s.monthly = Month.of(grid.months());
        org.gridtwin.physics.grid.TariffSeries tariff = r.inputs().tariff();
        double[] price = r.inputs().tariff().prices();
        double feedIn = r.inputs().site().grid().feedInYuanPerKwh();
        double[] factor = r.inputs().emissionTPerMwh();
        double factorSum = 0;
        double importedCo2 = 0;
        for (int i = 0; i < r.steps(); i++) {
            double imp = Math.max(0, r.gridKw()[i]) * dt;
            double exp = Math.max(0, -r.gridKw()[i]) * dt;
            double ch = Math.max(0, -r.batteryKw()[i]) * dt;
            double dis = Math.max(0, r.batteryKw()[i]) * dt;
            double w = r.windKw()[i] * dt;
            double p = r.pvKw()[i] * dt;
            double l = r.loadKw()[i] * dt;
            double c = r.curtailedKw()[i] * dt;
            double u = r.unmetKw()[i] * dt;
            s.wind += w;
            s.pv += p;
            s.load += l;
            s.imp += imp;
            s.exp += exp;
            s.charge += ch;
            s.discharge += dis;
            s.curtailed += c;
            s.unmet += u;
            s.cost += imp * price[i];
            s.revenue += exp * feedIn;
            s.co2 += (w + p) * factor[i] / 1000;
            importedCo2 += imp * factor[i] / 1000;
            factorSum += factor[i];
            Month m = s.monthly[grid.monthIndex(i)];
            m.wind += w;
            m.pv += p;
            m.load += l;
            m.imp += imp;
            m.exp += exp;
            m.charge += ch;
            m.discharge += dis;
            m.curtailed += c;
            m.unmet += u;
            m.peakImportKw = Math.max(m.peakImportKw, imp / dt);
            s.peakImportKw = Math.max(s.peakImportKw, imp / dt);
            m.costByPeriod[tariff.period(i).ordinal()] += imp * price[i];
            m.revenue += exp * feedIn;
        }
        s.meanFactor = factorSum / r.steps();
        org.gridtwin.model.DispatchSettings.Costs costs = r.inputs().site().dispatch().costs();
        for (Month m : s.monthly) {
            s.demandCharge += m.peakImportKw * costs.demandChargeYuanPerKwMonth();
        }
        s.degradation = (s.charge + s.discharge) / 2 * costs.degradationYuanPerKwh();
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
                double selfConsumed = Math.max(0, s.wind + s.pv - s.exp);
                s.income += selfConsumed * h.tariffYuanPerKwh() + s.revenue + s.pv * h.pvSubsidyYuanPerKwh();
            }
            s.cars += ls.carsProduced();
        }
        if (s.cars > 0) {
            s.carSiteLoad = s.load;
        }
        return s;
    }

    private static Kpi toKpi(Sums s, double peakImportKw, TimeGrid grid) {
        double green = s.wind + s.pv;
        // HOMER's renewable fraction: 1 − non-renewable energy / energy served (load served + grid sales)
        double served = s.load - s.unmet + s.exp;
        double renewableFraction = served > 0 ? Math.max(0, 1 - s.imp / served) : 0;
        double selfSufficiency = s.load > 0 ? 1 - (s.imp + s.unmet) / s.load : 0;
        double factor = green > 0 ? s.co2 * 1000 / green : s.meanFactor;
        List<Kpi.MonthlyEnergy> monthly = new ArrayList<>();
        for (int m = 0; m < s.monthly.length; m++) {
            monthly.add(s.monthly[m].toKpi(grid.monthLabel(m)));
        }
        return new Kpi(s.wind, s.pv, s.load, s.imp, s.exp, s.charge, s.discharge, s.curtailed, s.unmet,
                renewableFraction, selfSufficiency, peakImportKw, s.cost, s.revenue, s.co2, factor,
                s.windRatedKw > 0 ? s.wind / s.windRatedKw : 0,
                s.batteryKwh > 0 ? (s.charge + s.discharge) / 2 / s.batteryKwh : 0,
                s.craneKwh > 0 ? green / s.craneKwh : 0,
                s.householdAnnualKwh > 0 ? green / s.householdAnnualKwh : 0,
                Math.floor(s.cars + 1e-9),
                s.cars > 0 ? s.carSiteLoad / s.cars : 0,
                s.income, s.demandCharge, s.degradation, s.carbon,
                s.cost - s.revenue + s.demandCharge + s.degradation + s.carbon, s.gridCo2, monthly);
    }

    static double energyKwh(double[] kw, double stepHours) {
        double sum = 0;
        for (double v : kw) {
            sum += v;
        }
        return sum * stepHours;
    }
}
