package org.gridtwin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridtwin.testkit.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line as a user meets it: exit codes, messages and the output contract. */
class CommandLineTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GridTwin.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static Run runWithInput(String input, String... args) {
        java.io.InputStream before = System.in;
        System.setIn(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void usersAreAddedListedAndRemovedWithPasswordsFromStandardInput(@TempDir Path dir) {
        String data = dir.resolve("data").toString();
        Run add = runWithInput("first admin password\n", "users", "add", "root", "--role", "admin", "--data", data);
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).startsWith("root added as admin to ");
        assertThat(runWithInput("operator password 1\n", "users", "add", "ops", "--role", "operator", "--data", data)
                .code()).isZero();
        Run list = run("users", "list", "--data", data);
        assertThat(list.out()).contains("root").contains("admin").contains("ops").contains("operator");
        Run badRole = runWithInput("whatever password\n", "users", "add", "x", "--role", "king", "--data", data);
        assertThat(badRole.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(badRole.err()).contains("--role = king must be one of viewer, operator, admin");
        Run noInput = runWithInput("", "users", "add", "y", "--role", "viewer", "--data", data);
        assertThat(noInput.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(noInput.err()).contains("must be given on the first line of standard input");
        Run last = run("users", "remove", "root", "--data", data);
        assertThat(last.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(last.err()).contains("root is the last admin");
        assertThat(run("users", "remove", "ops", "--data", data).code()).isZero();
        assertThat(run("users", "list", "--data", data).out()).doesNotContain("ops");
        // three changes made, each in the audit trail; refusals change nothing and are not recorded as changes
        Run verify = run("audit", "verify", "--data", data);
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("3 records, the chain holds");
        assertThat(run("audit", "list", "--data", data).out()).contains("users add  root --role admin  -> added")
                .contains("users remove  ops  -> removed");
    }

    @Test
    void aTokenIsShownOnceListedAndRevoked(@TempDir Path dir) {
        String data = dir.resolve("data").toString();
        Run create = run("tokens", "create", "prometheus", "--role", "viewer", "--data", data);
        assertThat(create.code()).as(create.err()).isZero();
        // gt_ and 256 bits in base64url (43 characters); only its SHA-256 is stored
        assertThat(create.out().strip()).matches("gt_[A-Za-z0-9_-]{43}");
        assertThat(create.err()).contains("shown only this once");
        assertThat(run("tokens", "create", "prometheus", "--role", "viewer", "--data", data).err())
                .contains("prometheus is a token already");
        assertThat(run("tokens", "revoke", "prometheus", "--data", data).code()).isZero();
        String list = run("tokens", "list", "--data", data).out();
        assertThat(list).contains("prometheus").contains("viewer").doesNotContain(create.out().strip());
        assertThat(list.lines().filter(l -> l.startsWith("prometheus")).findFirst().orElseThrow()).endsWith("Z");
        assertThat(run("audit", "verify", "--data", data).out()).contains("2 records, the chain holds");
    }

    @Test
    void aTamperedAuditRecordIsNamed(@TempDir Path dir) throws IOException {
        String data = dir.resolve("data").toString();
        runWithInput("first admin password\n", "users", "add", "root", "--role", "admin", "--data", data);
        runWithInput("operator password 1\n", "users", "add", "ops", "--role", "operator", "--data", data);
        Path trail = dir.resolve("data").resolve("audit.jsonl");
        Files.writeString(trail, Files.readString(trail).replace("ops --role operator", "ops --role admin"));
        Run r = run("audit", "verify", "--data", data);
        assertThat(r.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(r.err()).contains("audit.jsonl: line 2 = record 2 does not match its own hash (it was changed); "
                + "the 1 records before it hold");
    }

    @Test
    void scenariosListsTheBuiltins() {
        Run r = run("scenarios");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("ningbo");
    }

    @Test
    void validateAcceptsTheBuiltinAndRejectsABrokenFile(@TempDir Path dir) throws IOException {
        assertThat(run("validate", "ningbo").code()).isZero();
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nsites:\n  - id: a\n    time_zone: Mars/Olympus\n    latitude_deg: 95\n");
        Run r = run("validate", bad.toString());
        assertThat(r.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(r.err()).contains("bad.yaml:4:16: sites[0].time_zone = Mars/Olympus is not a known time zone")
                .contains("bad.yaml:5:19: sites[0].latitude_deg = 95 must be in [-90, 90]")
                .contains("problems found; nothing was run.")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void missingScenarioAndBadOptionsExitWithTwo() {
        Run missing = run("simulate", "no-such-file.yaml");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("SCENARIO = no-such-file.yaml is neither a scenario file nor a built-in");
        Run badStep = run("simulate", "--step", "7m", "--out", "unused");
        assertThat(badStep.code()).isEqualTo(2);
        assertThat(badStep.err()).contains("--step = 7m must be from 1m to 1h");
        Run badDate = run("simulate", "--start", "2024-13-01");
        assertThat(badDate.code()).isEqualTo(2);
        Run unknown = run("simulat");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("simulate");
    }

    @Test
    void everyCommandAnswersHelpAndEveryMistakePointsToAHelpThatWorks() {
        for (String command : List.of("simulate", "compare", "size", "resilience", "serve", "validate", "scenarios",
                "init")) {
            for (String flag : List.of("--help", "-h")) {
                Run help = run(command, flag);
                assertThat(help.code()).as(command + " " + flag).isZero();
                assertThat(help.out()).as(command + " " + flag).startsWith("Usage: gridtwin " + command);
            }
        }
        Run bogus = run("bogus");
        assertThat(bogus.code()).isEqualTo(2);
        assertThat(bogus.err()).contains("Run 'gridtwin help' for the commands.");
        // the hint it gives works
        assertThat(run("help").code()).isZero();
        Run badOption = run("simulate", "--bogus");
        assertThat(badOption.err()).contains("Run 'gridtwin simulate --help' for its options.");
        Run badDate = run("simulate", "--start", "2024-13-01");
        assertThat(badDate.code()).isEqualTo(2);
        assertThat(badDate.err()).contains("'2024-13-01' is not a date: use YYYY-MM-DD").doesNotContain("java.");
        assertThat(run("simulate", "--end", "-2024-01-01").err()).contains("is not a date");
        Run strategies = run("compare", "--strategies", "self-consumption,foo");
        assertThat(strategies.code()).isEqualTo(2);
        assertThat(strategies.err()).contains("--strategies = foo is not a known strategy");
        Run site = run("size", "--site", "nope");
        assertThat(site.code()).isEqualTo(2);
        assertThat(site.err()).contains("--site = nope is not a site of ningbo (sites: chuanshan-port, "
                + "liao-village, meishan-ev-factory)");
    }

    @Test
    void resilienceWritesTheSurvivalCurveAndRefusesWhatItCannotAnalyse(@TempDir Path dir) throws IOException {
        Run r = run("resilience", "--site", "chuanshan-port", "--max-hours", "24", "--start", "2024-07-01", "--end",
                "2024-07-08", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("chuanshan-port: 168 outage starts, up to 24 h").contains("mean hours survived");
        List<String> csv = Files.readAllLines(dir.resolve("survival.csv"));
        // a header, 0 h, then 1 .. 24 h
        assertThat(csv).hasSize(26);
        assertThat(csv.get(0)).isEqualTo("duration_h,survival_critical,survival_priority,survival_all");
        assertThat(csv.get(1)).isEqualTo("0,1,1,1");
        assertThat(Files.readString(dir.resolve("worst_starts.csv"))).startsWith(
                "site,start_local,soc_at_start,critical_h,priority_h,all_h\nchuanshan-port,2024-07-");
        assertThat(Files.readString(dir.resolve("resilience.html"))).contains("data:image/png;base64,");
        assertThat(Files.readString(dir.resolve("resilience.json"))).contains("\"mean_hours_survived\"");
        Run site = run("resilience", "--site", "nope", "--out", dir.toString());
        assertThat(site.code()).isEqualTo(2);
        assertThat(site.err()).contains("--site = nope is not a site of scenario ningbo");
        Run hours = run("resilience", "--max-hours", "0", "--out", dir.toString());
        assertThat(hours.code()).isEqualTo(2);
        assertThat(hours.err()).contains("--max-hours = 0 must be in [1, 8760]");
        Run every = run("resilience", "--start-every", "90m", "--out", dir.toString());
        assertThat(every.code()).isEqualTo(2);
        assertThat(every.err()).contains("--start-every = 90m must be a whole number of hours");
    }

    @Test
    void simulateSaysWhatAnOutageDid(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("outage.yaml");
        Files.writeString(file, org.gridtwin.model.BuiltinScenarios.text("ningbo").orElseThrow().replace(
                "      grid_forming: true\n", "      grid_forming: true\n    events:\n      grid_outages:\n"
                        + "        - {start: \"2024-07-15 20:00\", duration: 6h}\n"));
        Run r = run("simulate", file.toString(), "--start", "2024-07-15", "--end", "2024-07-17", "--out",
                dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("chuanshan-port: 6\\.0 h without grid, [0-9.]+ h islanded, [0-9.]+ h "
                + "dark, \\d+ tier\\(s\\) shed; unserved critical [0-9.]+, priority [0-9.]+, sheddable [0-9.]+ kWh");
        assertThat(Files.readString(dir.resolve("out/summary.json"))).contains("\"grid_outage_hours\" : 6.0");
        // the port's rows carry its island columns, the other sites' do not; 20:00 local is step 20 (row 21)
        List<String> rows = Files.readAllLines(dir.resolve("out/timeseries.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        assertThat(header).contains("chuanshan-port/island_state", "chuanshan-port/shed_level",
                "chuanshan-port/unmet_critical_kw", "chuanshan-port/unmet_priority_kw")
                .doesNotContain("liao-village/island_state").hasSize(2 + 12 + 8 + 8);
        int state = header.indexOf("chuanshan-port/island_state");
        assertThat(rows.get(20).split(",")[state]).isEqualTo("connected");
        assertThat(rows.get(21).split(",")[state]).isIn("islanded", "blackout");
        assertThat(rows.get(27).split(",")[state]).isEqualTo("connected");
        assertThat(Files.readString(dir.resolve("out/report.html"))).contains("<h2>Outages and islanding</h2>")
                .contains("<tr><td>chuanshan-port</td><td class=\"n\">6.0</td>");
    }

    @Test
    void anOutputFolderThatCannotBeMadeIsAnInputError() {
        Run r = run("simulate", "--start", "2024-01-01", "--end", "2024-01-02", "--out", "/proc/gridtwin-out");
        assertThat(r.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(r.err()).contains("--out = /proc/gridtwin-out cannot be written").doesNotContain("Exception");
    }

    @Test
    void internalErrorsExitWithOneAndPointToTheLog() {
        StringWriter err = new StringWriter();
        int code = GridTwin.handle(new IllegalStateException("boom"), new PrintWriter(err, true));
        assertThat(code).isEqualTo(GridTwin.INTERNAL_ERROR);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("gridtwin: internal error: java.lang.IllegalStateException: boom (details in ");
    }

    @Test
    void initWritesAnEditableCopyAndNeverOverwrites(@TempDir Path dir) throws IOException {
        Run r = run("init", "ningbo", dir.resolve("mine").toString());
        assertThat(r.code()).isZero();
        Path copy = dir.resolve("mine/ningbo.yaml");
        assertThat(copy).exists();
        assertThat(run("validate", copy.toString()).code()).isZero();
        Files.writeString(copy, "# my edits\n", java.nio.file.StandardOpenOption.APPEND);
        String before = Files.readString(copy);
        Run again = run("init", "ningbo", dir.resolve("mine").toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already exists; it was left untouched");
        assertThat(Files.readString(copy)).isEqualTo(before);
        assertThat(run("init", "atlantis", dir.toString()).code()).isEqualTo(2);
    }

    @Test
    void simulateWritesTheOutputContract(@TempDir Path dir) throws IOException {
        Run r = run("simulate", "ningbo", "--start", "2024-07-01", "--end", "2024-07-08", "--step", "15m",
                "--strategy", "peak-shaving", "--seed", "7", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("chuanshan-port", "fleet", "Reported / simulated");

        JsonNode summary = JsonMapper.builder().build().readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.get("scenario").asString()).isEqualTo("ningbo");
        assertThat(summary.get("step_seconds").asInt()).isEqualTo(900);
        assertThat(summary.get("steps").asInt()).isEqualTo(7 * 96);
        // people read local times with their offset; the UTC instants stand beside them
        assertThat(summary.get("start").asString()).isEqualTo("2024-07-01T00:00+08:00");
        assertThat(summary.get("end").asString()).isEqualTo("2024-07-08T00:00+08:00");
        assertThat(summary.get("time_zone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(summary.get("start_utc").asString()).isEqualTo("2024-06-30T16:00:00Z");
        assertThat(summary.has("engine_seconds")).isTrue();
        List<String> kpiKeys = List.of("wind_kwh", "pv_kwh", "load_kwh", "grid_import_kwh", "grid_export_kwh",
                "battery_charge_kwh", "battery_discharge_kwh", "curtailed_kwh", "unmet_kwh", "renewable_fraction",
                "self_sufficiency", "peak_import_kw", "energy_cost_yuan", "export_revenue_yuan", "co2_avoided_t",
                "emission_factor_t_per_mwh", "wind_full_load_hours", "equivalent_full_cycles", "crane_months",
                "household_years", "cars_produced", "kwh_per_car", "household_income_yuan", "demand_charge_yuan",
                "degradation_cost_yuan", "carbon_cost_yuan", "total_cost_yuan", "grid_co2_t", "monthly");
        for (String key : kpiKeys) {
            assertThat(summary.get("fleet").has(key)).as("fleet." + key).isTrue();
        }
        assertThat(summary.get("sites")).hasSize(3);
        assertThat(summary.get("sites").get(0).get("id").asString()).isEqualTo("chuanshan-port");
        assertThat(summary.get("sites").get(0).get("kpi").get("household_years").asDouble()).isZero();

        try (BufferedReader in = Files.newBufferedReader(dir.resolve("timeseries.csv"))) {
            String[] header = in.readLine().split(",");
            assertThat(header[0]).isEqualTo("time");
            assertThat(header[1]).isEqualTo("local_time");
            assertThat(header).contains("chuanshan-port/wind_kw", "liao-village/pv_kw",
                    "meishan-ev-factory/soc_fraction", "chuanshan-port/curtailed_kw");
            assertThat(header).hasSize(2 + 3 * 8);
            String line;
            int rows = 0;
            while ((line = in.readLine()) != null) {
                String[] v = line.split(",");
                if (rows == 0) {
                    assertThat(v[0]).isEqualTo("2024-06-30T16:00:00Z");
                    assertThat(v[1]).isEqualTo("2024-07-01T00:00+08:00");
                } else if (rows == 7 * 96 - 1) {
                    // the last quarter hour: 2024-07-07 23:45 local
                    assertThat(v[1]).isEqualTo("2024-07-07T23:45+08:00");
                }
                for (int s = 0; s < 3; s++) {
                    int o = 2 + 8 * s;
                    double supply = d(v[o]) + d(v[o + 1]) + d(v[o + 3]) + d(v[o + 4]) + d(v[o + 5]);
                    assertThat(supply).as(v[0]).isCloseTo(d(v[o + 2]), within(Tolerances.DELTA_KW));
                }
                rows++;
            }
            assertThat(rows).isEqualTo(7 * 96);
        }
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("Reported / simulated", "data:image/png;base64,")
                .doesNotContain("http://", "https://", "<script");
    }

    @Test
    void compareRunsEveryStrategyAgainstTheForesightBaseline(@TempDir Path dir) throws IOException {
        Run r = run("compare", "ningbo", "--strategies", "self-consumption,mpc", "--start", "2024-03-01", "--end",
                "2024-03-04", "--step", "1h", "--forecast", "climatology", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("compare.csv"));
        // a header, then 3 strategies for the fleet and for each of the 3 sites
        assertThat(csv).hasSize(1 + 3 * 4);
        assertThat(csv.get(1)).startsWith("optimal-foresight,fleet,");
        // the baseline is 100 % of itself in every column
        String[] base = csv.get(1).split(",", -1);
        assertThat(Double.parseDouble(base[4])).isEqualTo(100.0);
        assertThat(csv.get(2)).startsWith("self-consumption,fleet,");
        assertThat(csv.get(3)).startsWith("mpc,fleet,");
        assertThat(csv.get(4)).startsWith("optimal-foresight,chuanshan-port,");
        assertThat(csv.get(10)).startsWith("optimal-foresight,meishan-ev-factory,");
        // the village has no battery: its cycles are 0 for every strategy and have no percentage (an empty cell)
        String[] village = csv.get(8).split(",", -1);
        assertThat(village[1]).isEqualTo("liao-village");
        assertThat(village[11]).isEqualTo("0.0");
        assertThat(village[12]).isEmpty();
        assertThat(String.join("\n", csv)).doesNotContain("NaN");
        assertThat(Files.readString(dir.resolve("compare.html"))).contains("data:image/png;base64,")
                .doesNotContain("http://", "https://", "NaN");
        // nothing is curtailed in ningbo, so curtailment has no percentage of the baseline: a dash, not "NaN%"
        assertThat(r.out()).doesNotContain("NaN").contains("–");
    }

    @Test
    void optimiserOptionsAreChecked(@TempDir Path dir) throws IOException {
        Run bad = run("simulate", "--strategy", "mpc", "--horizon", "30m", "--replan", "2h", "--forecast", "oracle",
                "--out", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--forecast = oracle is not a forecast kind");
        Run shortHorizon = run("simulate", "--strategy", "mpc", "--horizon", "30m", "--out", dir.toString());
        assertThat(shortHorizon.err()).contains("--horizon = 30m must be a whole number of steps (1h)");
        Run lp = run("simulate", "--start", "2024-05-01", "--end", "2024-05-02", "--strategy", "optimal-foresight",
                "--export-lp", dir.resolve("day.mps").toString(), "--out", dir.toString());
        assertThat(lp.code()).as(lp.err()).isZero();
        assertThat(Files.readString(dir.resolve("day-chuanshan-port.mps"))).startsWith("NAME chuanshan-port FREE");
        JsonNode summary = JsonMapper.builder().build().readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.get("sites").get(0).get("optimiser").get("plans").asInt()).isEqualTo(1);
        assertThat(summary.get("fleet").has("total_cost_yuan")).isTrue();
    }

    @Test
    void sizeWritesTheSizingContract(@TempDir Path dir) throws IOException {
        Path search = dir.resolve("search.yaml");
        Files.writeString(search, "pv_kw: [0, 500]\nbattery_kwh: [0]\nturbines: [0]\nmin_renewable_fraction: 0.6\n");
        Run r = run("size", "ningbo", "--site", "liao-village", "--search", search.toString(), "--start", "2024-06-01",
                "--end", "2024-07-01", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("sizing.csv"));
        assertThat(csv.get(0)).isEqualTo("pv_kw,battery_kwh,battery_kw,turbines,grid_limit_kw,npc_yuan,"
                + "lcoe_yuan_per_kwh,renewable_fraction,co2_t_per_year,feasible,reason,rank,pareto");
        assertThat(csv).hasSize(3);
        // without PV the village cannot reach a 60 % renewable fraction: infeasible, with the reason, rank 0
        assertThat(csv.get(1)).startsWith("0.0,0.0,").contains(",false,\"renewable fraction 0.000 < 0.600\",0,false");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<h1>Planning: ")
                .contains("2 configurations (exhaustive search, self-consumption dispatch)")
                // 500 kWp in June does not reach 60 % either: both rows fail the same constraint
                .contains("<td>renewable fraction &lt; 0.600</td><td class=\"n\">2</td>")
                .contains("No configuration meets the constraints");
        Run bad = run("size", "ningbo", "--site", "atlantis", "--out", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        Files.writeString(search, "pv_kw: [-5]\n");
        Run badSearch = run("size", "ningbo", "--search", search.toString(), "--out", dir.toString());
        assertThat(badSearch.err()).contains("search.yaml:1:9: pv_kw[0] = -5 must be in [0, 10000000] kW");
    }

    @Test
    void sizeWithBoundsRunsTheOptimiser(@TempDir Path dir) throws IOException {
        Path search = dir.resolve("bounds.yaml");
        // the village: PV between 0 and 1,200 kW, no battery, no wind; one start of at most 20 simulations
        Files.writeString(search, "bounds:\n  pv_kw: [0, 1200]\n  battery_kwh: [0, 0]\n  turbines: [0, 0]\n"
                + "starts: 1\nmax_evaluations: 20\n");
        Run r = run("size", "ningbo", "--site", "liao-village", "--search", search.toString(), "--start", "2024-06-01",
                "--end", "2024-07-01", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("(optimiser)");
        List<String> csv = Files.readAllLines(dir.resolve("sizing.csv"));
        // Brent's method on one free size: at most the 20 allowed simulations, at least its 3 first points
        assertThat(csv.size() - 1).isBetween(3, 20);
        assertThat(csv).filteredOn(l -> l.endsWith(",1,true")).hasSize(1);
        Files.writeString(search, "bounds:\n  pv_kw: [500, 100]\n  turbines: [0, 2]\n");
        Run bad = run("size", "ningbo", "--site", "liao-village", "--search", search.toString(), "--out",
                dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("bounds.yaml:2:10: bounds.pv_kw").contains("min <= max")
                .contains("the site has no wind farm to scale");
        Files.writeString(search, "bounds:\n  turbines: [0, 2.5]\n");
        Run half = run("size", "ningbo", "--site", "chuanshan-port", "--search", search.toString(), "--out",
                dir.toString());
        assertThat(half.code()).isEqualTo(2);
        assertThat(half.err()).contains("bounds.turbines").contains("must be whole numbers of turbines");
    }

    @Test
    void sizeWithSensitivityResizesPerCaseAndReportsTornadoAndSpider(@TempDir Path dir) throws IOException {
        Path search = dir.resolve("search.yaml");
        Files.writeString(search, "pv_kw: [0, 300, 600]\nbattery_kwh: [0]\nturbines: [0]\nsensitivity:\n"
                + "  sites[liao-village].grid.feed_in_price_yuan_per_kwh: [0.2, 0.6]\n"
                + "  tariffs[zhejiang-residential-tier1].prices_yuan_per_kwh.flat: [0.4, 0.538, 0.7]\n");
        Run r = run("size", "ningbo", "--site", "liao-village", "--search", search.toString(), "--start", "2024-06-01",
                "--end", "2024-07-01", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("sensitivity.csv"));
        assertThat(csv).hasSize(6);
        assertThat(csv.get(0)).startsWith("parameter,value,base_value,change_percent,feasible_configurations,pv_kw");
        double npcLowFeedIn = d(csv.get(1).split(",")[10]);
        double npcHighFeedIn = d(csv.get(2).split(",")[10]);
        double npcCheap = d(csv.get(3).split(",")[10]);
        double npcBase = d(csv.get(4).split(",")[10]);
        double npcDear = d(csv.get(5).split(",")[10]);
        // Exports earn more at a higher feed-in price and imports cost more at a higher tariff, so the best
        // configuration's net present cost falls with the first and rises with the second
        assertThat(npcHighFeedIn).isLessThan(npcLowFeedIn);
        assertThat(npcCheap).isLessThan(npcBase).isLessThan(npcDear);
        // 0.538 is the scenario's own tariff: that case is the base case, same NPC as rank 1 of sizing.csv
        assertThat(csv.get(4).split(",")[3]).isEqualTo("0.0");
        String rank1 = Files.readAllLines(dir.resolve("sizing.csv")).stream().filter(l -> l.endsWith(",1,true"))
                .findFirst().orElseThrow();
        assertThat(npcBase).isEqualTo(d(rank1.split(",")[5]));
        // rank 1's cash flows: 25 years after year 0; the discounted savings add up to the report's NPV
        List<String> flows = Files.readAllLines(dir.resolve("cashflows.csv"));
        assertThat(flows).hasSize(1 + 26);
        assertThat(flows.get(0)).startsWith("year,system_yuan,baseline_yuan,savings_yuan");
        // year 1's discount factor at the default 6 %: 1 / 1.06
        assertThat(d(flows.get(2).split(",")[5])).isCloseTo(1 / 1.06, org.assertj.core.api.Assertions.within(1e-12));
        String html = Files.readString(dir.resolve("report.html"));
        double npv = d(html.split("<th>NPV of the savings, yuan</th><td class=\"n\">")[1].split("<")[0]
                .replace(",", ""));
        assertThat(d(flows.get(26).split(",")[7])).isCloseTo(npv, org.assertj.core.api.Assertions.within(0.5));
        assertThat(html).contains("<h2 id=\"sensitivity\">Sensitivity</h2>").contains("alt=\"spider plot\"")
                .contains("<table class=\"tornado\">");
    }

    @Test
    void sensitivityVariesAnEconomicsDefaultTheScenarioDoesNotSet(@TempDir Path dir) throws IOException {
        // ningbo has no economics block: wind capex varies from its 5,000 yuan/kW default
        Path search = dir.resolve("search.yaml");
        Files.writeString(search, "pv_kw: [20000]\nbattery_kwh: [0]\nturbines: [3]\nsensitivity:\n"
                + "  economics.wind_yuan_per_kw: [4000, 5000]\n");
        Run r = run("size", "ningbo", "--site", "chuanshan-port", "--search", search.toString(), "--start",
                "2024-06-01", "--end", "2024-06-08", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("sensitivity.csv"));
        assertThat(csv.get(1)).startsWith("\"economics.wind_yuan_per_kw\",4000.0,5000.0,");
        // 1,000 yuan/kW less on 3 x 6,250 kW, 25 years at 6 %, same dispatch: capital 18.75 M + fixed O&M
        // 1.5 % x 18.75 M x annuity 12.78336 + replacement 0.8 x 18.75 M at year 20 x 1.06^-20 - salvage
        // 15/20 of that replacement x 1.06^-25 = 24,401,155 yuan
        double delta = d(csv.get(2).split(",")[10]) - d(csv.get(1).split(",")[10]);
        assertThat(delta).isCloseTo(24_401_155.2, org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void sizeWithOptimalForesightDispatch(@TempDir Path dir) throws IOException {
        Path search = dir.resolve("search.yaml");
        Files.writeString(search, "pv_kw: [20000]\nbattery_kwh: [0, 2000]\nbattery_kw: [1000]\nturbines: [2]\n");
        Run r = run("size", "ningbo", "--site", "chuanshan-port", "--search", search.toString(), "--strategy",
                "optimal-foresight", "--start", "2024-06-01", "--end", "2024-06-08", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 configurations (exhaustive) in").contains("optimal-foresight dispatch");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("optimal-foresight dispatch");
        Run mpc = run("size", "ningbo", "--site", "chuanshan-port", "--search", search.toString(), "--strategy",
                "mpc", "--out", dir.toString());
        assertThat(mpc.code()).isEqualTo(2);
        assertThat(mpc.err()).contains("--strategy = mpc re-plans every hour of every configuration");
    }

    @Test
    void sizeWarnsWhenRankOneSitsOnTheEdgeOfTheSearch() {
        org.gridtwin.sim.sizing.SearchSpace space = new org.gridtwin.sim.sizing.SearchSpace(List.of(0.0, 500.0),
                List.of(0.0, 100.0), List.of(50.0, 100.0), List.of(0, 1, 2), List.of(200.0), 0, 1,
                Double.POSITIVE_INFINITY);
        SearchSpaceReaderPlan plan = new SearchSpaceReaderPlan(space);
        // 500 kWp is the largest PV tried and 2 the most turbines; no battery, so its power says nothing; the
        // grid limit was not varied
        assertThat(SizeCommand.upperEdges(new org.gridtwin.sim.sizing.SearchSpace.Config(500, 0, 100, 2, 200),
                plan.plan())).containsExactly("PV sizes", "turbine counts");
        assertThat(SizeCommand.upperEdges(new org.gridtwin.sim.sizing.SearchSpace.Config(0, 100, 50, 1, 200),
                plan.plan())).containsExactly("battery energies");
    }

    record SearchSpaceReaderPlan(org.gridtwin.sim.sizing.SearchSpace space) {
        org.gridtwin.sim.sizing.SearchSpaceReader.Plan plan() {
            return new org.gridtwin.sim.sizing.SearchSpaceReader.Plan(space, null);
        }
    }

    static double d(String s) {
        return Double.parseDouble(s);
    }
}
