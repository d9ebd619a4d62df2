package org.gridtwin.sim.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.yaml.ScenarioReader;
import org.gridtwin.sim.Simulation;
import org.gridtwin.sim.SimulationRequest;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.kpi.KpiCalculator;
import org.gridtwin.sim.kpi.ResilienceKpi;
import org.gridtwin.testkit.FakeNanoTimer;
import org.junit.jupiter.api.Test;

/**
 * A scenario file with a 4-hour outage, computed by hand end to end (reader, tiers, fault schedule, engine, KPIs).
 * Three flat loads of 10 kW (87,600 kWh a year of 8,760 h): critical, priority, sheddable. Battery 100 kWh, 100 kW,
 * lossless, SoC window 0.1..0.9, starting at 0.7; no renewables. The outage starts with the run, so the battery
 * meets it at its initial charge (self-consumption would otherwise have discharged it into the load).
 */
class OutageEngineTest {
    static final String SCENARIO = """
            name: four-hours
            simulation: {start: 2024-03-01, end: 2024-03-02, step: 1h, seed: 1}
            tariffs:
              - id: flat
                prices_yuan_per_kwh: {flat: 0.5}
                seasons:
                  - {name: all, months: [1,2,3,4,5,6,7,8,9,10,11,12], periods: [{type: flat, from: "00:00", to: "24:00"}]}
            sites:
              - id: s
                time_zone: Asia/Shanghai
                latitude_deg: 30
                longitude_deg: 120
                weather: {synthetic: {ghi_kwh_per_m2_month: [0,0,0,0,0,0,0,0,0,0,0,0], wind_mean_m_per_s: [1,1,1,1,1,1,1,1,1,1,1,1], temperature_mean_c: [15,15,15,15,15,15,15,15,15,15,15,15]}}
                battery: {energy_kwh: 100, charge_kw: 100, discharge_kw: 100, charge_efficiency: 1, discharge_efficiency: 1, soc_min_fraction: 0.1, soc_max_fraction: 0.9, soc_initial_fraction: 0.7}
                grid: {import_limit_kw: 1000, export_limit_kw: 0, tariff: flat, feed_in_price_yuan_per_kwh: 0, emission_factor_t_per_mwh: 0.5}
                island: {grid_forming: true, min_soc_fraction: 0.1, shed_sheddable_below_soc: 0.5, shed_priority_below_soc: 0.3, restore_margin_fraction: 0.1, black_start_soc_fraction: 0.2}
                events:
                  grid_outages:
                    - {start: "2024-03-01 00:00", duration: 4h}
                loads:
                  - {id: reefers, type: profile, tier: critical, annual_kwh: 87600, hourly_weights: [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]}
                  - {id: offices, type: profile, tier: priority, annual_kwh: 87600, hourly_weights: [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]}
                  - {id: cranes, type: profile, tier: sheddable, annual_kwh: 87600, hourly_weights: [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]}
            """;

    @Test
    void aFourHourOutageLosesThirtyTwentyAndTenKilowattHours() {
        Scenario sc = ScenarioReader.read(SCENARIO, "four-hours.yaml", null);
        SimulationResult r = new Simulation(new FakeNanoTimer(1)).run(SimulationRequest.defaults(sc));
        ResilienceKpi k = KpiCalculator.site(r.sites().get(0)).resilience();
        // 00:00 SoC 0.7 carries 30 kW → 0.4; 01:00 sheddable shed (< 0.5), 20 kW → 0.2; 02:00 priority shed
        // (< 0.3), 10 kW → 0.1; 03:00 empty: the last 10 kWh of critical load are lost and the island goes dark
        assertThat(k.unmetSheddableKwh()).isCloseTo(30, within(1e-9));
        assertThat(k.unmetPriorityKwh()).isCloseTo(20, within(1e-9));
        assertThat(k.unmetCriticalKwh()).isCloseTo(10, within(1e-9));
        assertThat(k.gridOutageHours()).isEqualTo(4);
        assertThat(k.islandedHours()).isEqualTo(3);
        assertThat(k.darkHours()).isEqualTo(1);
        assertThat(k.islandings()).isEqualTo(1);
        assertThat(k.shedEvents()).isEqualTo(2);
        assertThat(k.blackouts()).isEqualTo(1);
        assertThat(k.blackStarts()).isZero();
        assertThat(k.resyncs()).isEqualTo(1);
        // after the outage the grid carries all 30 kW again
        assertThat(r.sites().get(0).unmetKw()[4]).isZero();
        assertThat(r.sites().get(0).gridKw()[4]).isCloseTo(30, within(1e-9));
    }

    @Test
    void mpcKeepsTheReserveAndPlansOnAfterAnOutageDrewOnIt() {
        // reserve 0.5: the outage leaves 0.1, below it; every later plan starts below its floor (further than a step
        // of charging can make up) and must still solve
        String yaml = SCENARIO.replace("black_start_soc_fraction: 0.2}", "black_start_soc_fraction: 0.2, "
                + "reserve_soc_fraction: 0.5}").replace("end: 2024-03-02", "end: 2024-03-03")
                // a demand charge takes the plans to the LP solver (the storage DP would clip a start below its floor)
                .replace("    events:", "    dispatch: {demand_charge_yuan_per_kw_month: 10}\n    events:")
                // 20 kW of charging cannot lift 10 kWh to the 50 kWh floor within a step
                .replace(" charge_kw: 100,", " charge_kw: 20,");
        Scenario sc = ScenarioReader.read(yaml, "reserve.yaml", null);
        SimulationResult r = new Simulation(new FakeNanoTimer(1)).run(SimulationRequest.defaults(sc)
                .withStrategy("mpc"));
        org.gridtwin.sim.SiteResult site = r.sites().get(0);
        assertThat(site.optimiser().fallbacks()).as(site.optimiser().message()).isZero();
        // on the grid the plans bring the battery back to the reserve, and it never goes below it again
        boolean back = false;
        for (int i = 4; i < site.steps(); i++) {
            back |= site.socFraction()[i] >= 0.5 - 1e-9;
            if (back) {
                assertThat(site.socFraction()[i]).as("step %d", i).isGreaterThanOrEqualTo(0.5 - 1e-9);
            }
        }
        assertThat(back).as("back at the reserve within the two days").isTrue();
        // the island still drew on it: 30 + 20 + 10 kWh lost are the same as without a reserve
        assertThat(KpiCalculator.site(site).resilience().unmetCriticalKwh()).isCloseTo(10, within(1e-9));
    }

    @Test
    void brokenEventsAndTiersAreNamedWithTheRule() {
        String bad = SCENARIO.replace("tier: priority", "tier: important")
                .replace("{start: \"2024-03-01 00:00\", duration: 4h}", "{start: \"2024-03-01 00:00\", duration: 0h}")
                .replace("grid_outages:", "forced_outages: [{asset: turbine-9, per_year: 2, mean_time_to_repair: 48h}]\n"
                        + "      comm_loss: [{device: wind, start: \"2024-03-01 02:00\", duration: 10m}]\n"
                        + "      grid_outages:");
        assertThatThrownBy(() -> ScenarioReader.read(bad, "bad.yaml", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sites[0].loads[1].tier")
                .hasMessageContaining("is not one of critical, priority, sheddable")
                .hasMessageContaining("duration")
                .hasMessageContaining("must be a duration above 0")
                .hasMessageContaining("turbine-9")
                .hasMessageContaining("is not a wind farm or PV array of this site")
                .hasMessageContaining("names the site's wind, but it has none");
    }

    @Test
    void aReserveAboveTheStartingChargeIsRefused() {
        String bad = SCENARIO.replace("black_start_soc_fraction: 0.2}", "black_start_soc_fraction: 0.2, "
                + "reserve_soc_fraction: 0.8}");
        assertThatThrownBy(() -> ScenarioReader.read(bad, "bad.yaml", null))
                .hasMessageContaining("reserve_soc_fraction")
                .hasMessageContaining("a site that keeps a reserve starts with it");
    }
}
