package org.gridtwin.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridtwin.model.ReportedFigure;
import org.gridtwin.model.Site;
import org.gridtwin.store.Bucket;
import org.gridtwin.store.Resolution;
import org.gridtwin.store.TelemetryStore;

/**
 * The scenario's published figures beside what the live site has measured (its stored quarter hours), each over
 * the period the figure speaks of: a cumulative figure from its {@code since} to its {@code as_of} (or to now, when
 * that is still ahead), an annual figure over the latest whole calendar year the store holds (or the latest 365
 * days when it holds none), the crane comparison from the site's simulated crane month and its rated wind power.
 * The simulation's counterpart is {@code ReportedComparison}; the definitions are the same.
 */
final class ReportedMeasured {
    private ReportedMeasured() {
    }

    /** Flows summed over a period. */
    record Totals(double windKwh, double pvKwh, double exportKwh, long samples) {
        double greenKwh() {
            return windKwh + pvKwh;
        }
    }

    /** A period of local dates, {@code to} exclusive, and whether the store covers all of it. */
    record Period(LocalDate from, LocalDate to, boolean complete) {
    }

    /**
     * @param members the fleet's sites with their KPI bases
     * @param now     the site clock
     */
    static List<Map<String, Object>> rows(List<ReportedFigure> figures, List<LiveFleet.Member> members,
            TelemetryStore store, Instant firstStored, Instant now) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReportedFigure f : figures) {
            LiveFleet.Member m = members.stream().filter(x -> x.site().id().equals(f.site())).findFirst()
                    .orElseThrow();
            Site site = m.site();
            ZoneId zone = site.timeZone();
            LocalDate today = now.atZone(zone).toLocalDate();
            LocalDate firstDay = firstStored.atZone(zone).toLocalDate();
            Period period;
            double measured;
            String basis;
            switch (f.metric()) {
                case CUMULATIVE_WIND_KWH -> {
                    period = cumulative(f, today, firstDay);
                    measured = totals(store, site, period).windKwh();
                    basis = "measured wind";
                }
                case CO2_AVOIDED_T -> {
                    ReportedFigure wind = figures.stream().filter(o -> o.site().equals(f.site())
                            && o.metric() == ReportedFigure.Metric.CUMULATIVE_WIND_KWH).findFirst().orElse(null);
                    double factor = site.grid().emissionFactor().meanTPerMwh();
                    if (wind != null) {
                        period = cumulative(wind, today, firstDay);
                        measured = totals(store, site, period).windKwh() * factor / 1000;
                        basis = "measured wind over the reported wind's period at the grid factor";
                    } else {
                        period = year(today, firstDay);
                        measured = totals(store, site, period).greenKwh() * factor / 1000;
                        basis = "measured wind and PV of the year at the grid factor";
                    }
                }
                case FULL_POWER_DAYS_PER_CRANE_MONTH -> {
                    period = null;
                    double ratedKw = site.windRatedKw();
                    measured = ratedKw > 0 ? m.basis().craneMonthKwh() / (ratedKw * 24) : 0;
                    basis = "one simulated month of the crane fleet over the turbines' rated power";
                }
                case ANNUAL_PV_KWH -> {
                    period = year(today, firstDay);
                    measured = totals(store, site, period).pvKwh();
                    basis = "measured PV of the year";
                }
                case HOUSEHOLD_INCOME_YUAN -> {
                    period = year(today, firstDay);
                    Totals t = totals(store, site, period);
                    measured = m.basis().householdIncomeYuan(t.greenKwh(), t.pvKwh(), t.exportKwh());
                    basis = "measured self-consumption, export and PV of the year priced as the simulation does";
                }
                default -> throw new IllegalStateException("no measured side for " + f.metric());
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("metric", f.metric().key());
            row.put("site", site.id());
            row.put("site_name", site.name());
            row.put("label", f.label());
            row.put("unit", f.unit());
            row.put("reported", f.value());
            row.put("measured", measured);
            row.put("ratio", f.value() == 0 ? null : measured / f.value());
            row.put("from", period == null ? null : period.from().toString());
            row.put("to", period == null ? null : period.to().minusDays(1).toString());
            row.put("complete", period == null || period.complete());
            row.put("basis", basis);
            row.put("source", f.source());
            out.add(row);
        }
        return out;
    }

    /** A cumulative figure's period: its since to its as_of (both counted), cut at today when that is earlier. */
    static Period cumulative(ReportedFigure f, LocalDate today, LocalDate firstDay) {
        LocalDate from = f.since() != null ? f.since() : firstDay;
        LocalDate end = f.asOf() != null ? f.asOf().plusDays(1) : today.plusDays(1);
        boolean complete = !end.isAfter(today) && !from.isBefore(firstDay);
        return new Period(from, end.isAfter(today.plusDays(1)) ? today.plusDays(1) : end, complete);
    }

    /** The latest whole calendar year before today that the store covers, else the latest 365 days. */
    static Period year(LocalDate today, LocalDate firstDay) {
        LocalDate start = LocalDate.of(today.getYear() - 1, 1, 1);
        if (!start.isBefore(firstDay)) {
            return new Period(start, start.plusYears(1), true);
        }
        LocalDate from = today.minusDays(364);
        return new Period(from, today.plusDays(1), !from.isBefore(firstDay));
    }

    /** The site's stored quarter hours from the local midnight of {@code from} to that of {@code to}. */
    static Totals totals(TelemetryStore store, Site site, Period p) {
        Instant from = p.from().atStartOfDay(site.timeZone()).toInstant();
        Instant to = p.to().atStartOfDay(site.timeZone()).toInstant();
        double wind = 0;
        double pv = 0;
        double export = 0;
        long n = 0;
        for (Bucket b : store.history(site.id(), Resolution.QUARTER_HOUR, from, to)) {
            wind += b.windKwh();
            pv += b.pvKwh();
            export += b.exportKwh();
            n += b.samples();
        }
        return new Totals(wind, pv, export, n);
    }
}
