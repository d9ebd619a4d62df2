package org.gridtwin.model.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.LoadSpec;
import org.gridtwin.model.Problem;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.Tariff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {

    static String minimal() {
        try (InputStream in = ScenarioReaderTest.class.getResourceAsStream("/scenarios/minimal.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Problem> problems(String yaml) {
        try {
            ScenarioReader.read(yaml, "test.yaml", null);
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("expected the scenario to be rejected");
    }

    static List<String> messages(String yaml) {
        return problems(yaml).stream().map(Problem::message).toList();
    }

    @Test
    void sharedEconomicsKeysSetEveryAssetAndPerAssetKeysOverrideThem() {
        var e = ScenarioReader.read(minimal() + "economics:\n  om_fraction_per_year: 0.02\n"
                + "  wind_om_fraction_per_year: 0.03\n  replacement_fraction: 0.7\n"
                + "  battery_replacement_fraction: 0.5\n  wind_variable_om_yuan_per_kwh: 0.01\n", "m.yaml", null)
                .economics();
        assertThat(new double[] {e.pvOmFractionPerYear(), e.windOmFractionPerYear(), e.batteryOmFractionPerYear()})
                .containsExactly(0.02, 0.03, 0.02);
        assertThat(new double[] {e.pvReplacementFraction(), e.windReplacementFraction(),
                e.batteryReplacementFraction()}).containsExactly(0.7, 0.7, 0.5);
        assertThat(new double[] {e.pvVariableOmYuanPerKwh(), e.windVariableOmYuanPerKwh()})
                .containsExactly(0.0, 0.01);
    }

    @Test
    void economicsTakesARealRateOrANominalRateWithInflationButNotBoth() {
        Scenario real = ScenarioReader.read(minimal() + "economics:\n  real_discount_rate: 0.05\n"
                + "  variable_om_yuan_per_kwh: 0.02\n", "m.yaml", null);
        assertThat(real.economics().realDiscountRate()).isEqualTo(0.05);
        assertThat(real.economics().pvVariableOmYuanPerKwh()).isEqualTo(0.02);
        assertThat(real.economics().windVariableOmYuanPerKwh()).isEqualTo(0.02);
        // HOMER's real rate: (0.08 - 0.02) / 1.02 = 0.0588235...
        Scenario nominal = ScenarioReader.read(minimal() + "economics:\n  nominal_discount_rate: 0.08\n"
                + "  inflation_rate: 0.02\n", "m.yaml", null);
        assertThat(nominal.economics().realDiscountRate()).isCloseTo(0.06 / 1.02,
                org.assertj.core.api.Assertions.within(1e-15));
        assertThat(messages(minimal() + "economics:\n  nominal_discount_rate: 0.08\n  real_discount_rate: 0.05\n"))
                .singleElement().asString().contains("economics.real_discount_rate")
                .contains("cannot be given with nominal_discount_rate");
        assertThat(messages(minimal() + "economics:\n  inflation_rate: 0.02\n")).singleElement().asString()
                .contains("needs nominal_discount_rate");
    }

    @Test
    void readsTheMinimalScenarioWithItsDefaults() {
        Scenario s = ScenarioReader.read(minimal(), "minimal.yaml", null);
        assertThat(s.name()).isEqualTo("minimal");
        assertThat(s.sites()).hasSize(1);
        var site = s.sites().get(0);
        assertThat(site.battery().chargeEfficiency()).isEqualTo(0.95);
        assertThat(site.battery().socInitialFraction()).isEqualTo(0.5); // midpoint of 0.1..0.9
        assertThat(site.pv().get(0).inverterKwAc()).isEqualTo(100 / 1.2);
        assertThat(site.grid().exportLimitKw()).isZero();
        assertThat(site.grid().tariff().seasons().get(0).periods()).containsExactly(
                new Tariff.Period(Tariff.PeriodType.FLAT, 0, 1440));
        assertThat(site.loads().get(0)).isInstanceOf(LoadSpec.Parametric.class);
        assertThat(s.simulation().start()).hasToString("2024-01-01");
        assertThat(site.dispatch().strategy()).isEqualTo("self-consumption");
    }

    @Test
    void socWindowErrorNamesFileLineColumnPathValueAndRule() {
        String yaml = minimal().replace("soc_min_fraction: 0.1", "soc_min_fraction: 0.9")
                .replace("soc_max_fraction: 0.9", "soc_max_fraction: 0.8");
        // soc_min_fraction is on line 20 of minimal.yaml, its value starts in column 25
        assertThat(messages(yaml)).contains(
                "test.yaml:20:25: sites[0].battery.soc_min_fraction = 0.9 must be < soc_max_fraction (0.8)");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String yaml = minimal().replace("capacity_kw_dc: 100", "capacity_kw_dc: -5")
                .replace("energy_kwh: 200", "energy_kwh: 0")
                .replace("time_zone: Asia/Shanghai", "time_zone: Asia/Shanghia");
        assertThat(messages(yaml)).containsExactlyInAnyOrder(
                "test.yaml:4:16: sites[0].time_zone = Asia/Shanghia is not a known time zone "
                        + "(use a region id such as Asia/Shanghai)",
                "test.yaml:14:25: sites[0].pv[0].capacity_kw_dc = -5 must be in (0, 10000000] kW",
                "test.yaml:17:19: sites[0].battery.energy_kwh = 0 must be in (0, 100000000] kWh");
    }

    @Test
    void unknownKeyGetsADidYouMeanHint() {
        String yaml = minimal().replace("charge_kw: 100\n      discharge_kw", "charge_kw: 100\n      dischrge_kw");
        List<String> m = messages(yaml);
        assertThat(m).anySatisfy(msg -> assertThat(msg)
                .startsWith("test.yaml:19:7: sites[0].battery.dischrge_kw is not a known key; did you mean "
                        + "'discharge_kw'?"));
        // the real key is now missing too: both are reported
        assertThat(m).anySatisfy(msg -> assertThat(msg).contains("sites[0].battery.discharge_kw is required"));
    }

    @Test
    void efficienciesOutsideZeroOneAreRejected() {
        String yaml = minimal().replace("charge_kw: 100\n", "charge_kw: 100\n      charge_efficiency: 1.2\n");
        assertThat(messages(yaml)).anySatisfy(msg -> assertThat(msg)
                .endsWith("sites[0].battery.charge_efficiency = 1.2 must be in (0, 1]"));
    }

    @Test
    void windCutInMustBeBelowCutOutAndCurveMustNotBeEmpty() {
        String wind = "    wind:\n      - id: wt\n        rated_kw: 2000\n        hub_height_m: 80\n"
                + "        cut_in_m_per_s: 25\n        cut_out_m_per_s: 25\n        power_curve: []\n";
        String yaml = minimal().replace("    pv:\n", wind + "    pv:\n");
        assertThat(messages(yaml)).contains(
                "test.yaml:16:25: sites[0].wind[0].cut_in_m_per_s = 25 must be < cut_out_m_per_s (25)",
                "test.yaml:18:22: sites[0].wind[0].power_curve = [list] must not be empty: give "
                        + "[wind_speed_m_per_s, power_kw] pairs");
    }

    @Test
    void powerCurveSpeedsMustIncrease() {
        String wind = "    wind:\n      - id: wt\n        rated_kw: 2000\n        hub_height_m: 80\n"
                + "        cut_in_m_per_s: 3\n        cut_out_m_per_s: 25\n"
                + "        power_curve: [[3, 0], [5, 500], [4, 800]]\n";
        String yaml = minimal().replace("    pv:\n", wind + "    pv:\n");
        assertThat(messages(yaml)).anySatisfy(msg -> assertThat(msg)
                .endsWith("sites[0].wind[0].power_curve[2][0] = 4 must be greater than the previous speed (5)"));
    }

    @Test
    void overlappingTariffPeriodsAreRejected() {
        String yaml = minimal().replace("          - {type: flat, from: \"00:00\", to: \"24:00\"}",
                "          - {type: flat, from: \"00:00\", to: \"12:00\"}\n"
                        + "          - {type: flat, from: \"11:00\", to: \"24:00\"}");
        assertThat(messages(yaml)).anySatisfy(msg -> assertThat(msg)
                .endsWith("tariffs[0].seasons[0].periods[1].from = 11:00 overlaps the previous period, which ends "
                        + "at 12:00"));
    }

    @Test
    void tariffMustCoverEveryMonthOnceAndEveryMinute() {
        String yaml = minimal().replace("months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]",
                "months: [1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]")
                .replace("to: \"24:00\"", "to: \"23:00\"");
        assertThat(messages(yaml)).anySatisfy(m -> assertThat(m).contains("months[1] = 1 overlaps"))
                .anySatisfy(m -> assertThat(m).contains("must cover every month; missing: [DECEMBER]"))
                .anySatisfy(m -> assertThat(m).contains("must cover the whole day; nothing covers 23:00–24:00"));
    }

    @Test
    void yamlSyntaxErrorsAreLocated() {
        List<Problem> p = problems("name: x\nsites: [\n  - id: a\n");
        assertThat(p).hasSize(1);
        assertThat(p.get(0).line()).isGreaterThan(1);
        assertThat(p.get(0).rule()).startsWith("is not valid YAML");
    }

    @Test
    void unknownStrategyAndLoadTypeGetHints() {
        String yaml = minimal().replace("        type: profile", "        type: profil")
                + "";
        yaml = yaml.replace("    grid:\n", "    dispatch:\n      strategy: peak-shaveing\n    grid:\n");
        assertThat(messages(yaml)).anySatisfy(m -> assertThat(m).contains(
                "strategy = peak-shaveing is not a known strategy; did you mean 'peak-shaving'?"))
                .anySatisfy(m -> assertThat(m).contains("type = profil is not a load type; did you mean 'profile'?"));
    }

    @Test
    void csvLoadProfilesAreReadAndTheirErrorsLocated(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("time,kw\n");
        for (int h = 0; h < 8760; h++) {
            csv.append(h).append(',').append(h == 100 ? "abc" : "10").append('\n');
        }
        Files.writeString(dir.resolve("load.csv"), csv);
        String yaml = minimal().replace("        type: profile\n        annual_kwh: 100000\n"
                + "        hourly_weights: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]",
                "        type: csv\n        file: load.csv\n        column: kw");
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml);
        // line 102: header is line 1, hour 0 is line 2, so hour 100 is line 102; kw is the 2nd column
        assertThatThrownBy(() -> ScenarioReader.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage("load.csv:102:2: kw = abc must be a number");
        Files.writeString(dir.resolve("load.csv"), csv.toString().replace("abc", "10"));
        Scenario s = ScenarioReader.read(file);
        LoadSpec.CsvProfile load = (LoadSpec.CsvProfile) s.sites().get(0).loads().get(0);
        assertThat(load.kw().size()).isEqualTo(8760);
        assertThat(load.kw().intervalMinutes()).isEqualTo(60);
        Files.writeString(dir.resolve("load.csv"), "time,kw\n0,1\n1,2\n3,4\n");
        assertThatThrownBy(() -> ScenarioReader.read(file)).hasMessageContaining("load.csv:4: kw = 3 rows must have one year");
    }

    @Test
    void hourlyEmissionFactorsComeFromACsvFile(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("hour,t_per_mwh\n");
        for (int h = 0; h < 8760; h++) {
            csv.append(h).append(',').append(h % 24 < 12 ? "0.4" : "0.6").append('\n');
        }
        Files.writeString(dir.resolve("ef.csv"), csv);
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, minimal().replace("emission_factor_t_per_mwh: 0.5703",
                "emission_factor_hourly_csv: {file: ef.csv, column: t_per_mwh}"));
        var ef = ScenarioReader.read(file).sites().get(0).grid().emissionFactor();
        assertThat(ef.hourly().size()).isEqualTo(8760);
        assertThat(ef.meanTPerMwh()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
        // both or neither is an error
        Files.writeString(file, minimal().replace("emission_factor_t_per_mwh: 0.5703",
                "emission_factor_t_per_mwh: 0.5\n      emission_factor_hourly_csv: {file: ef.csv, column: t_per_mwh}"));
        assertThatThrownBy(() -> ScenarioReader.read(file)).hasMessageContaining(
                "emission_factor_hourly_csv = {mapping} must not be given together with emission_factor_t_per_mwh");
        // a 15-minute file is not hourly
        Files.writeString(dir.resolve("ef.csv"), csv.toString() + csv.substring(csv.indexOf("\n") + 1).repeat(3));
        Files.writeString(file, minimal().replace("emission_factor_t_per_mwh: 0.5703",
                "emission_factor_hourly_csv: {file: ef.csv, column: t_per_mwh}"));
        assertThatThrownBy(() -> ScenarioReader.read(file)).hasMessageContaining("must have 8760 hourly rows");
    }

    @Test
    void referencesToASiteWithErrorsAreNotReportedTwice() {
        String yaml = minimal().replace("capacity_kw_dc: 100", "capacity_kw_dc: -1")
                + "reported:\n  - {metric: annual_pv_kwh, site: site-a, value: 1, unit: kWh, label: x, source: y}\n";
        assertThat(messages(yaml)).singleElement().asString().contains("capacity_kw_dc = -1 must be in (0, 10000000] kW");
    }

    @Test
    void pvModelsAndTrackingAreChosenByName() {
        String yaml = minimal().replace("        tilt_deg: 20\n",
                "        models: {decomposition: disc, transposition: perez, iam: physical, "
                        + "cell_temperature: faiman}\n"
                        + "        mounting: {type: single_axis, max_angle_deg: 55, ground_cover_ratio: 0.4}\n");
        var pv = ScenarioReader.read(yaml, "t.yaml", null).sites().get(0).pv().get(0);
        assertThat(pv.models().transposition()).isEqualTo(org.gridtwin.model.PvModels.Transposition.PEREZ);
        assertThat(pv.models().decomposition()).isEqualTo(org.gridtwin.model.PvModels.Decomposition.DISC);
        assertThat(pv.mounting().type()).isEqualTo(org.gridtwin.model.Mounting.Type.SINGLE_AXIS);
        assertThat(pv.mounting().maxAngleDeg()).isEqualTo(55);
        assertThat(pv.mounting().backtrack()).isTrue();
        String bad = minimal().replace("        tilt_deg: 20\n",
                "        tilt_deg: 20\n        models: {transposition: perrez, inverter: sandia}\n");
        assertThat(messages(bad)).anySatisfy(m -> assertThat(m).contains(
                "models.transposition = perrez is not one of isotropic, hay_davies, perez; did you mean 'perez'?"))
                .anySatisfy(m -> assertThat(m).contains("models.sandia_inverter is required"));
    }

    @Test
    void libraryTurbinesAreScaledAndTheirCutInAndOutDerived() {
        String wind = "    wind:\n      - id: wt\n        turbine: nrel_bespoke_6mw_196m\n        rated_kw: 6250\n"
                + "        chain: {profile: logarithmic, roughness_length_m: 0.03, density: barometric, "
                + "density_correction: wind_speed_shift, restart_below_m_per_s: 18, wake_loss_fraction: 0.05}\n";
        var farm = ScenarioReader.read(minimal().replace("    pv:\n", wind + "    pv:\n"), "t.yaml", null)
                .sites().get(0).wind().get(0);
        // the NREL curve reaches 6,000 kW at 13 m/s; scaled by 6,250/6,000
        assertThat(farm.powerCurve()).contains(new org.gridtwin.model.WindFarm.CurvePoint(13, 6250));
        assertThat(farm.hubHeightM()).isEqualTo(140); // the library's reference hub height
        assertThat(farm.cutInMPerS()).isEqualTo(3);
        assertThat(farm.cutOutMPerS()).isEqualTo(22.25);
        assertThat(farm.chain().rotorDiameterM()).isEqualTo(196);
        assertThat(farm.chain().wakeLossFraction()).isEqualTo(0.05);
        String unknown = minimal().replace("    pv:\n", "    wind:\n      - {id: wt, turbine: nrel_bespoke_6mw_169m, "
                + "hub_height_m: 100}\n    pv:\n");
        assertThat(messages(unknown)).anySatisfy(m -> assertThat(m)
                .contains("turbine = nrel_bespoke_6mw_169m is not in the turbine library")
                .contains("did you mean 'nrel_bespoke_6mw_196m'?"));
        String none = minimal().replace("    pv:\n", "    wind:\n      - {id: wt, rated_kw: 100, hub_height_m: 30}\n"
                + "    pv:\n");
        assertThat(messages(none)).anySatisfy(m -> assertThat(m).contains("power_curve is required"));
    }

    @Test
    void powerCurvesFromCsvFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("curve.csv"), "v,p\n3,0\n8,500\n12,1000\n25,1000\n");
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, minimal().replace("    pv:\n", "    wind:\n      - id: wt\n        rated_kw: 1000\n"
                + "        hub_height_m: 60\n        power_curve_csv: {file: curve.csv, speed_column: v, "
                + "power_column: p}\n    pv:\n"));
        var farm = ScenarioReader.read(file).sites().get(0).wind().get(0);
        assertThat(farm.powerCurve()).hasSize(4);
        assertThat(farm.cutInMPerS()).isEqualTo(3);
        assertThat(farm.cutOutMPerS()).isEqualTo(25.01);
        Files.writeString(dir.resolve("curve.csv"), "v,p\n3,0\n8,x\n");
        assertThatThrownBy(() -> ScenarioReader.read(file)).hasMessageContaining("curve.csv:3:2: p = x must be a number");
    }

    @Test
    void quayCranesAndShorePowerHavePublishedDefaults() {
        String loads = "      - {id: sts, type: quay_cranes, count: 8, moves_per_hour: [25, 25, 25, 25, 25, 25, 25, 25, "
                + "25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25]}\n"
                + "      - {id: ships, type: shore_power, berths: 3, calls_per_week: 12, mean_stay_hours: 20}\n";
        String yaml = minimal().replace("    loads:\n", "    loads:\n" + loads);
        var l = ScenarioReader.read(yaml, "t.yaml", null).sites().get(0).loads();
        var sts = (LoadSpec.CraneFleet) l.get(0);
        assertThat(sts.kind()).isEqualTo(LoadSpec.Kind.QUAY);
        assertThat(sts.kwhPerMove()).isEqualTo(8);     // OpenTISim STS default (DOMAIN section 5)
        assertThat(sts.peakKwPerCrane()).isEqualTo(2400); // ~2.4 MW per STS crane (Geerlings et al. 2018)
        assertThat(((LoadSpec.ShorePower) l.get(1)).meanKw()).isEqualTo(900); // Ningbo average per ship
        String busy = minimal().replace("    loads:\n", "    loads:\n      - {id: ships, type: shore_power, berths: 1, "
                + "calls_per_week: 20, mean_stay_hours: 10}\n");
        assertThat(messages(busy)).anySatisfy(m -> assertThat(m).contains("keeps the berths busy more than all the "
                + "time (occupancy 1.19)"));
    }

    @Test
    void missingFileIsAnInputError() {
        assertThatThrownBy(() -> ScenarioReader.read(Path.of("does-not-exist.yaml")))
                .isInstanceOf(InvalidInputException.class).hasMessage("does-not-exist.yaml: (file) does not exist");
    }
}
