package org.gridtwin.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Scenario;
import org.gridtwin.sim.Simulation;
import org.gridtwin.sim.SimulationRequest;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.kpi.KpiCalculator;
import org.gridtwin.sim.kpi.SimulationKpis;
import org.gridtwin.sim.report.Comparison;
import org.gridtwin.sim.report.RunOutputs;
import org.gridtwin.sim.report.TimeseriesWriter;

/**
 * Simulation and comparison runs started over the API. They queue on one worker thread: a run is CPU-bound, the
 * machine also runs the control loop, and one run at a time finishes each sooner than two sharing the cores.
 * Outputs go to {@code <data>/runs/<id>/}, the same files the CLI writes.
 */
public final class RunService implements AutoCloseable {
    /** Runs waiting beyond this are refused rather than queued for hours. */
    static final int MAX_QUEUED = 16;

    public enum Kind { SIMULATE, COMPARE }

    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunService.class);

    /** One run; mutable state behind volatile fields, read by API threads while the worker writes. */
    public static final class Run {
        final String id;
        final Kind kind;
        final String scenario;
        /** Null for a run loaded from an earlier server's folder. */
        final SimulationRequest request;
        final String start;
        final String end;
        final String step;
        final List<String> strategies;
        final Instant created;
        final Path dir;
        volatile Status status = Status.QUEUED;
        volatile double progress;
        volatile Instant started;
        volatile Instant finished;
        volatile String message;
        volatile Map<String, Double> headline = Map.of();

        Run(String id, Kind kind, String scenario, SimulationRequest request, List<String> strategies,
                Instant created, Path dir) {
            this.id = id;
            this.kind = kind;
            this.scenario = scenario;
            this.request = request;
            this.start = request.start().toString();
            this.end = request.end().toString();
            this.step = org.gridtwin.model.Durations.format(request.step());
            this.strategies = strategies;
            this.created = created;
            this.dir = dir;
        }

        /** A run an earlier server recorded in its folder ({@code run.json}). */
        Run(Map<String, Object> saved, Path dir) {
            this.id = (String) saved.get("id");
            this.kind = Kind.valueOf(((String) saved.get("kind")).toUpperCase(java.util.Locale.ROOT));
            this.scenario = (String) saved.get("scenario");
            this.request = null;
            this.start = (String) saved.get("start");
            this.end = (String) saved.get("end");
            this.step = (String) saved.get("step");
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) saved.getOrDefault("strategies", List.of());
            this.strategies = List.copyOf(names);
            this.created = Instant.parse((String) saved.get("created"));
            this.dir = dir;
            Status st = Status.valueOf(((String) saved.get("status")).toUpperCase(java.util.Locale.ROOT));
            this.started = saved.get("started") == null ? null : Instant.parse((String) saved.get("started"));
            this.finished = saved.get("finished") == null ? null : Instant.parse((String) saved.get("finished"));
            this.message = (String) saved.get("message");
            @SuppressWarnings("unchecked")
            Map<String, Double> h = (Map<String, Double>) saved.getOrDefault("headline", Map.of());
            this.headline = Map.copyOf(h);
            if (st == Status.QUEUED || st == Status.RUNNING) {
                // the server stopped before the run finished
                this.status = Status.FAILED;
                this.message = "interrupted: the server stopped before the run finished";
            } else {
                this.status = st;
                this.progress = st == Status.SUCCEEDED ? 1 : 0;
            }
        }

        public String id() {
            return id;
        }

        public Status status() {
            return status;
        }

        /** The report file: report.html for a simulation, compare.html for a comparison. */
        public Path report() {
            return dir.resolve(kind == Kind.SIMULATE ? "report.html" : "compare.html");
        }

        /** summary.json of a simulation; compare.csv of a comparison. */
        public Path summary() {
            return dir.resolve(kind == Kind.SIMULATE ? "summary.json" : "compare.csv");
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("kind", kind.name().toLowerCase());
            m.put("scenario", scenario);
            m.put("start", start);
            m.put("end", end);
            m.put("step", step);
            m.put("strategies", strategies);
            m.put("status", status.name().toLowerCase());
            m.put("progress", progress);
            m.put("created", created.toString());
            m.put("started", started == null ? null : started.toString());
            m.put("finished", finished == null ? null : finished.toString());
            m.put("message", message);
            m.put("headline", headline);
            if (status == Status.SUCCEEDED) {
                m.put("summary_url", "/api/runs/" + id + "/summary");
                m.put("report_url", "/api/runs/" + id + "/report");
            }
            return m;
        }
    }

    private final Path root;
    private final Clock clock;
    private final RunLimits limits;
    private final ExecutorService worker;
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final Map<String, java.util.concurrent.Future<?>> work = new LinkedHashMap<>();
    private final AtomicInteger next = new AtomicInteger(1);

    public RunService(Path root, Clock clock) {
        this(root, clock, RunLimits.defaults());
    }

    /** @param limits what one run may cost before it is accepted */
    public RunService(Path root, Clock clock, RunLimits limits) {
        this.root = root;
        this.clock = clock;
        this.limits = limits;
        load();
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gridtwin-runs");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1); // the control loop comes first
            return t;
        });
    }

    /**
     * Queues a run after checking everything that can be checked up front.
     *
     * @throws InvalidInputException when the request cannot run (every problem listed)
     * @throws IllegalStateException when the queue is full
     */
    public synchronized Run submit(Kind kind, String scenarioLabel, Scenario scenario, SimulationRequest request,
            List<String> strategies) {
        List<String> names = new ArrayList<>();
        if (kind == Kind.COMPARE) {
            Set<String> set = new LinkedHashSet<>();
            set.add("optimal-foresight");
            set.addAll(strategies.isEmpty() ? Strategies.names() : strategies);
            names.addAll(set);
            for (String n : names) {
                request.withStrategy(n).validated();
            }
        } else {
            request.validated();
            if (request.strategy() != null) {
                names.add(request.strategy());
            }
        }
        limits.check(request, scenario.sites().size(), names.size());
        long queued = runs.values().stream().filter(r -> r.status == Status.QUEUED).count();
        if (queued >= MAX_QUEUED) {
            throw new IllegalStateException(queued + " runs are already waiting; try again when one has finished");
        }
        String id = "run-" + next.getAndIncrement();
        Run run = new Run(id, kind, scenarioLabel, request, List.copyOf(names), clock.instant(), root.resolve(id));
        runs.put(id, run);
        save(run);
        work.put(id, worker.submit(() -> execute(run, scenario)));
        return run;
    }

    /**
     * Stops a run: a queued one never starts, a running one stops within milliseconds (the engine looks for the
     * interruption every few thousand steps) and keeps what it wrote. A finished run stays as it is.
     *
     * @return the run, or empty when there is no such run
     */
    public synchronized Optional<Run> cancel(String id) {
        Run run = runs.get(id);
        if (run == null) {
            return Optional.empty();
        }
        java.util.concurrent.Future<?> f = work.get(id);
        if (run.status == Status.QUEUED && f != null && f.cancel(false)) {
            run.status = Status.CANCELLED;
            run.message = "cancelled before it started";
            run.finished = clock.instant();
            save(run);
        } else if (run.status == Status.RUNNING && f != null) {
            f.cancel(true);
        }
        return Optional.of(run);
    }

    /** Lists the runs earlier servers left in the folder, oldest first; numbering continues after them. */
    private void load() {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Run> found = new ArrayList<>();
        try (var dirs = Files.list(root)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                Path json = d.resolve("run.json");
                if (Files.isRegularFile(json)) {
                    try {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> saved = Snapshot.JSON.readValue(json.toFile(), Map.class);
                        found.add(new Run(saved, d));
                    } catch (RuntimeException e) {
                        // a damaged record hides one run from the list, never the server
                        LOG.warn("skipping {}: {}", json, e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", root, e.getMessage());
        }
        found.sort(java.util.Comparator.comparingInt(r -> number(r.id)));
        for (Run r : found) {
            runs.put(r.id, r);
            next.set(Math.max(next.get(), number(r.id) + 1));
        }
    }

    private static int number(String id) {
        try {
            return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Records a run's state in its folder, so a restarted server lists it. */
    private static void save(Run run) {
        try {
            Files.createDirectories(run.dir);
            Snapshot.JSON.writeValue(run.dir.resolve("run.json").toFile(), run.toMap());
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot record {}: {}", run.id, e.getMessage());
        }
    }

    public synchronized Optional<Run> get(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** Newest first. */
    public synchronized List<Run> list() {
        List<Run> all = new ArrayList<>(runs.values());
        java.util.Collections.reverse(all);
        return all;
    }

    private void execute(Run run, Scenario scenario) {
        run.status = Status.RUNNING;
        run.started = clock.instant();
        try {
            Files.createDirectories(run.dir);
            if (run.kind == Kind.SIMULATE) {
                simulate(run, scenario);
            } else {
                compare(run);
            }
            run.progress = 1;
            run.status = Status.SUCCEEDED;
        } catch (InvalidInputException e) {
            run.message = e.problems().get(0).message();
            run.status = Status.FAILED;
        } catch (java.util.concurrent.CancellationException e) {
            run.message = "cancelled at " + Math.round(run.progress * 100) + " %";
            run.status = Status.CANCELLED;
        } catch (OutOfMemoryError e) {
            run.message = "out of memory: the run needed more than the server's heap allows; shorten it or give "
                    + "serve more memory";
            run.status = Status.FAILED;
            LOG.error("{} ran out of memory", run.id);
        } catch (IOException | RuntimeException | Error e) {
            if (Thread.interrupted()) {
                // a write interrupted by a cancel
                run.message = "cancelled at " + Math.round(run.progress * 100) + " %";
                run.status = Status.CANCELLED;
            } else {
                // the operator sees what failed; the run's folder keeps whatever was written
                run.message = "internal error: " + e;
                run.status = Status.FAILED;
                LOG.error("{} failed", run.id, e);
            }
        } finally {
            run.finished = clock.instant();
            save(run);
        }
    }

    private void simulate(Run run, Scenario scenario) throws IOException {
        int sites = scenario.sites().size();
        java.util.concurrent.atomic.AtomicInteger ticks = new java.util.concurrent.atomic.AtomicInteger();
        // sites finish on their own threads
        SimulationResult result = simulation().run(run.request,
                i -> run.progress = Math.min(0.95, ticks.incrementAndGet() / (double) (sites + 2)));
        SimulationKpis kpis = SimulationKpis.of(result);
        RunOutputs.write(result, kpis, run.dir, TimeseriesWriter.NONE, () -> { });
        run.headline = headline(kpis.fleet());
    }

    private void compare(Run run) throws IOException {
        List<Comparison.Entry> entries = Comparison.run(simulation(), run.request, run.strategies,
                done -> run.progress = done / (double) (run.strategies.size() + 1));
        Comparison.Entry baseline = entries.get(0);
        Comparison.writeCsv(entries, baseline, run.dir.resolve("compare.csv"));
        Comparison.writeHtml(run.scenario, entries, baseline, run.dir.resolve("compare.html"));
        run.headline = headline(baseline.fleet());
    }

    /** One site at a time: the other core stays with the control loop (measured, docs/performance.md). */
    private static Simulation simulation() {
        return new Simulation(System::nanoTime, new org.gridtwin.dispatch.lp.OrToolsLpSolver(), 1);
    }

    private static Map<String, Double> headline(org.gridtwin.sim.kpi.Kpi k) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("green_kwh", k.windKwh() + k.pvKwh());
        m.put("co2_avoided_t", k.co2AvoidedT());
        m.put("total_cost_yuan", k.totalCostYuan());
        m.put("renewable_fraction", k.renewableFraction());
        return m;
    }

    /** Drops queued runs and waits (at most 10 s) for the running one, so no file is left half-written. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
