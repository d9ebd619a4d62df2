package org.gridtwin.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.ems.ControlLoop;
import org.gridtwin.ems.LiveSite;
import org.gridtwin.ems.RollingTwin;
import org.gridtwin.ems.SafetyLayer;
import org.gridtwin.ems.SiteDevices;
import org.gridtwin.ems.TwinSite;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.Site;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.SiteInputsBuilder;
import org.gridtwin.store.Sample;
import org.gridtwin.store.TelemetryStore;

/**
 * Every site of a scenario under live control on twin devices: the control loop, the telemetry it records and the
 * snapshot the API serves. A restart resumes where the stored data ends: the counters continue, the battery starts
 * at its stored state of charge, and the site clock never goes back over stored samples.
 */
public final class LiveFleet implements AutoCloseable {
    /** Key of the counters map that holds the site time of the next cycle, epoch seconds. */
    static final String CLOCK_KEY = "clock_epoch_s";
    /** Key of the counters map that holds when the counters started (epoch seconds, site time). */
    static final String SINCE_KEY = "since_epoch_s";
    /** Key of the counters map that holds the battery's state of charge, 0..1. */
    static final String SOC_KEY = "soc_fraction";

    /**
     * @param cycle        site time per control cycle
     * @param speed        site seconds per wall second
     * @param twinStep     resolution of the twin's weather, load and tariff series
     * @param twinWindow   how much of those series is built at once
     * @param publish      wall time between two snapshots (and checkpoints) at most
     * @param keepRaw      site time raw samples are kept for; rollups are kept for good
     * @param backfillFrom on a first start, simulate the sites from this date to the first cycle (null: start from
     *                     zero)
     */
    public record Options(Duration cycle, double speed, Duration twinStep, Duration twinWindow, Duration publish,
            Duration keepRaw, LocalDate backfillFrom) {
        /** Raw samples kept by default: a month of 1-s samples of one site is ~90 MB in DuckDB. */
        public static final Duration KEEP_RAW = Duration.ofDays(30);

        public Options(Duration cycle, double speed, Duration twinStep, Duration twinWindow, Duration publish) {
            this(cycle, speed, twinStep, twinWindow, publish, KEEP_RAW, null);
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(1), 1, Duration.ofMinutes(1), Duration.ofDays(7),
                    Duration.ofMillis(250));
        }

        public Options withCycle(Duration c) {
            return new Options(c, speed, twinStep, twinWindow, publish, keepRaw, backfillFrom);
        }

        public Options withSpeed(double s) {
            return new Options(cycle, s, twinStep, twinWindow, publish, keepRaw, backfillFrom);
        }

        public Options withTwinStep(Duration s) {
            return new Options(cycle, speed, s, twinWindow, publish, keepRaw, backfillFrom);
        }

        public Options withKeepRaw(Duration k) {
            return new Options(cycle, speed, twinStep, twinWindow, publish, k, backfillFrom);
        }

        public Options withBackfillFrom(LocalDate from) {
            return new Options(cycle, speed, twinStep, twinWindow, publish, keepRaw, from);
        }
    }

    /** One site's live parts; {@code twin} is null for a site on field devices. */
    record Member(Site site, LiveSite live, RollingTwin twin, KpiBasis basis) {
    }

    private final Scenario scenario;
    private final Options options;
    private final List<Member> members = new ArrayList<>();
    private final ControlLoop loop;
    private final Recorder recorder;
    private final Metrics metrics;
    private final LongSupplier nanoTime;
    private final Instant startedAt;
    private final long anchorNanos;
    private final Instant since;
    private final org.gridtwin.ems.device.DeviceSource devices;
    private volatile Snapshot snapshot;
    private long lastPublishNanos;
    /** Wall time of the latest cycles including recording and publishing, ns (a ring; read for statistics). */
    private final CycleTimes cycleTimes = new CycleTimes();
    private java.util.concurrent.ExecutorService publisher;
    private final java.util.concurrent.atomic.AtomicReference<Runnable> nextBuild =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** Builds the twins' next windows ahead of time, so a week's rollover does not stall a cycle. */
    private final java.util.concurrent.ExecutorService twinBuilder =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "gridtwin-twin-builder");
                t.setDaemon(true);
                t.setPriority(Thread.NORM_PRIORITY - 1);
                return t;
            });

    public LiveFleet(Scenario scenario, Options options, TelemetryStore store, EventLog events, Metrics metrics,
            Clock wall, LongSupplier nanoTime) {
        this(scenario, options, store, events, metrics, wall, nanoTime, org.gridtwin.ems.device.DeviceSource.twins());
    }

    /** As above, with the sites {@code devices} binds run on field devices, the others on twins. */
    public LiveFleet(Scenario scenario, Options options, TelemetryStore store, EventLog events, Metrics metrics,
            Clock wall, LongSupplier nanoTime, org.gridtwin.ems.device.DeviceSource devices) {
        checkStrategies(scenario);
        this.devices = devices;
        this.scenario = scenario;
        this.options = options;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
        java.util.function.Consumer<org.gridtwin.ems.Event> sink = e -> {
            events.accept(e);
            recorder().event(new org.gridtwin.store.LoggedEvent(e.siteId(), e.time(), e.kind().name(), e.detail(),
                    e.values()));
            metrics.events.labelValues(e.kind().name()).inc();
        };
        this.recorder = new Recorder(store, metrics, nanoTime, sink, Recorder.MAX_PENDING);
        Instant wallNow = wall.instant();
        // the stopwatch reading at which the (whole-second) start was the wall clock's time: the loop paces its
        // cycles from here, so the seconds spent building the twins below are caught up, not lost
        this.anchorNanos = nanoTime.getAsLong() - wallNow.getNano();
        Instant start = resumeTime(scenario, store, wallNow.truncatedTo(ChronoUnit.SECONDS));
        this.startedAt = start;
        backfill(scenario, options, store, start);
        this.since = since(scenario, store, start);
        long seed = scenario.simulation().seed();
        for (Site site : scenario.sites()) {
            Map<String, Double> stored = store.counters(site.id());
            java.util.Optional<SiteDevices> field = devices.forSite(site, sink);
            RollingTwin twin = null;
            if (field.isEmpty()) {
                twin = new RollingTwin(t -> window(site, t, seed), twinBuilder);
                if (stored.containsKey(SOC_KEY)) {
                    twin.restoreSoc(stored.get(SOC_KEY));
                }
            }
            // twins answer at once: three cycles without a fresh measurement would mean a stuck device
            SafetyLayer safety = new SafetyLayer(site.id(), Double.POSITIVE_INFINITY,
                    Math.max(3, 3 * options.cycle().toSeconds()), org.gridtwin.ems.ExportGuard.of(site), sink);
            LiveSite live = new LiveSite(site, Strategies.create(site.dispatch().strategy(), site.dispatch()),
                    field.orElse(twin), safety, sink);
            live.counters().restore(stored);
            if (twin != null) {
                twin.prepare(start);
            }
            LocalDate day = start.atZone(site.timeZone()).toLocalDate().withDayOfYear(1);
            SiteInputs year = SiteInputsBuilder.build(site, TimeGrid.ofDates(day, day.plusYears(1),
                    Duration.ofHours(1), site.timeZone()), seed);
            members.add(new Member(site, live, twin, KpiBasis.of(year)));
        }
        this.loop = new ControlLoop(members.stream().map(Member::live).toList(), options.cycle(), options.speed(),
                start, nanoTime);
        loop.afterCycle(this::afterCycle);
        this.snapshot = Snapshot.of(this, start, 0, capture());
    }

    /** Field devices an operator must look at now (stale ones, with the reason). */
    public List<String> deviceProblems() {
        return devices.problems();
    }

    /** The date the scenario's published figures count from (commissioning), or null when none says. */
    public static LocalDate commissioning(Scenario scenario) {
        return Backfill.commissioning(scenario);
    }

    /** The optimising strategies need forecasts the live loop does not make yet: refuse them up front. */
    static void checkStrategies(Scenario scenario) {
        List<org.gridtwin.model.Problem> problems = new ArrayList<>();
        String rules = String.join(", ", Strategies.names().stream().filter(n -> !Strategies.needsContext(n)).toList());
        for (int i = 0; i < scenario.sites().size(); i++) {
            String name = scenario.sites().get(i).dispatch().strategy();
            if (Strategies.needsContext(name)) {
                problems.add(new org.gridtwin.model.Problem(scenario.name(), 0, 0, "sites[" + i + "].dispatch.strategy",
                        name, "cannot run live yet (it needs forecasts); serve runs the rule strategies: " + rules));
            }
        }
        if (!problems.isEmpty()) {
            throw new org.gridtwin.model.InvalidInputException(problems);
        }
    }

    /**
     * On a first start (no site has stored counters), simulates the past from {@code backfillFrom} and stores it as
     * if it had been run live: hourly samples, counters, the battery's last SoC, and when the counters began.
     */
    static void backfill(Scenario scenario, Options options, TelemetryStore store, Instant start) {
        if (options.backfillFrom() == null
                || !scenario.sites().stream().allMatch(s -> store.counters(s.id()).isEmpty())) {
            return;
        }
        Backfill.Result past = Backfill.run(scenario, options.backfillFrom(), start);
        for (Map.Entry<String, Backfill.SiteHistory> e : past.sites().entrySet()) {
            Map<String, Double> c = new LinkedHashMap<>(e.getValue().counters());
            c.put(SOC_KEY, e.getValue().soc());
            c.put(SINCE_KEY, (double) past.since().getEpochSecond());
            c.put(CLOCK_KEY, (double) start.getEpochSecond());
            // the samples and the counters that count them in one transaction
            store.append(e.getValue().samples(), Map.of(e.getKey(), c));
        }
    }

    /** When the stored counters began: the earliest start stored for any site, or this run's start. */
    static Instant since(Scenario scenario, TelemetryStore store, Instant start) {
        Instant since = start;
        for (Site site : scenario.sites()) {
            Double s = store.counters(site.id()).get(SINCE_KEY);
            if (s != null && Instant.ofEpochSecond(s.longValue()).isBefore(since)) {
                since = Instant.ofEpochSecond(s.longValue());
            }
        }
        return since;
    }

    /** The later of now and where the stored data ends (a fast clock may have run ahead of the wall clock). */
    static Instant resumeTime(Scenario scenario, TelemetryStore store, Instant now) {
        Instant resume = now;
        for (Site site : scenario.sites()) {
            Double clock = store.counters(site.id()).get(CLOCK_KEY);
            if (clock == null) {
                continue;
            }
            Instant checkpoint = Instant.ofEpochSecond(clock.longValue());
            // samples written after the last checkpoint (a crash before the next one) are not written twice
            for (Sample s : store.samples(site.id(), checkpoint, Instant.MAX)) {
                checkpoint = max(checkpoint, s.time().plusNanos((long) (s.seconds() * 1e9)));
            }
            resume = max(resume, checkpoint);
        }
        return resume;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Twin devices for the window of {@code twinWindow} that contains {@code t}. Windows are counted from the
     * site-local date the counters began ({@link #since}), not from the moment a process started: a restart in the
     * middle of a week rebuilds the very week it left, with the same weather and loads.
     */
    private TwinSite window(Site site, Instant t, long seed) {
        LocalDate first = since.atZone(site.timeZone()).toLocalDate();
        long days = Math.max(1, options.twinWindow().toDays());
        long k = Math.floorDiv(ChronoUnit.DAYS.between(first, t.atZone(site.timeZone()).toLocalDate()), days);
        LocalDate day = first.plusDays(k * days);
        TimeGrid grid = TimeGrid.ofDates(day, day.plusDays(days), options.twinStep(), site.timeZone());
        // each window has its own seed, so weeks differ, and a restart rebuilds the same week
        SiteInputs in = SiteInputsBuilder.build(site, grid, seed + day.toEpochDay());
        return new TwinSite(site, grid, in.windKw(), in.pvKw(), in.loadKw(), in.criticalKw(), in.priorityKw(),
                in.faults(), in.tariff(), in.emissionTPerMwh());
    }

    private void afterCycle(Instant t) {
        long t0 = nanoTime.getAsLong();
        double seconds = options.cycle().toNanos() / 1e9;
        for (Member m : members) {
            SiteDevices.Flows f = m.live().lastFlows();
            recorder.sample(new Sample(m.site().id(), t, seconds, f.windKw(), f.pvKw(), f.loadKw(), f.batteryKw(),
                    f.gridKw(), f.unmetKw(), f.socFraction()));
        }
        long now = nanoTime.getAsLong();
        if (now - lastPublishNanos >= options.publish().toNanos()) {
            lastPublishNanos = now;
            publish();
        }
        // the cycle as the control thread spends it: the sites, then recording and publishing
        long total = loop.lastCycleNanos() + nanoTime.getAsLong() - t0;
        cycleTimes.record(total);
        metrics.cycleSeconds.observe(total / 1e9);
        metrics.cycles.inc();
    }

    /** Wall times of the latest cycles, including recording and publishing. */
    public CycleTimes cycleTimes() {
        return cycleTimes;
    }

    private List<Snapshot.SiteState> capture() {
        List<Snapshot.SiteState> states = new ArrayList<>(members.size());
        for (Member m : members) {
            states.add(Snapshot.SiteState.of(m));
        }
        return states;
    }

    /**
     * Makes the state after the last cycle visible to the API and queues a checkpoint of the counters. The state is
     * copied here, on the control thread; with a publisher the JSON is built on its thread, off the control cycle.
     */
    void publish() {
        publish(false);
    }

    private void publish(boolean inline) {
        Instant next = loop.nextCycleTime();
        long cycles = loop.cyclesRun();
        List<Snapshot.SiteState> states = capture();
        Map<String, Map<String, Double>> counters = new LinkedHashMap<>();
        for (Snapshot.SiteState st : states) {
            Map<String, Double> c = st.counters().toMap();
            c.put(CLOCK_KEY, (double) next.getEpochSecond());
            c.put(SINCE_KEY, (double) since.getEpochSecond());
            if (st.flows() != null) {
                c.put(SOC_KEY, st.flows().socFraction());
            }
            counters.put(st.member().site().id(), c);
        }
        recorder.checkpoint(new Recorder.Checkpoint(counters));
        Runnable build = () -> snapshot = Snapshot.of(this, next, cycles, states);
        if (inline || publisher == null) {
            build.run();
        } else if (nextBuild.getAndSet(build) == null) {
            // latest wins: a publisher slower than the cycles skips states instead of queueing them
            publisher.execute(this::drainBuilds);
        }
    }

    private void drainBuilds() {
        Runnable r;
        while ((r = nextBuild.getAndSet(null)) != null) {
            r.run();
        }
    }

    /** Runs {@code n} cycles on the calling thread (tests, replays), then publishes and writes them. */
    public void runCycles(int n) {
        for (int i = 0; i < n; i++) {
            loop.runCycle(loop.nextCycleTime());
        }
        publish(true);
        recorder.flush();
    }

    /** Starts the control loop on its own thread; snapshots are then serialised on a publisher thread. */
    public void start() {
        publisher = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gridtwin-publisher");
            t.setDaemon(true);
            return t;
        });
        loop.start(anchorNanos);
    }

    /** The live site of {@code siteId}, for the commands an operator sends it. */
    public java.util.Optional<org.gridtwin.ems.LiveSite> site(String siteId) {
        return members.stream().filter(m -> m.site().id().equals(siteId)).map(Member::live).findFirst();
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public Recorder recorder() {
        return recorder;
    }

    public ControlLoop loop() {
        return loop;
    }

    public Scenario scenario() {
        return scenario;
    }

    public Options options() {
        return options;
    }

    List<Member> members() {
        return members;
    }

    /** Site time the counters started from: the first run's start, kept across restarts. */
    public Instant since() {
        return since;
    }

    /** Site time of the first cycle of this run. */
    public Instant startedAt() {
        return startedAt;
    }

    /** Stops the loop, then stores everything it produced: nothing measured is lost on a clean stop. */
    @Override
    public void close() {
        loop.close();
        loop.awaitStopped();
        if (loop.cyclesRun() > 0) {
            publish(true);
        }
        if (publisher != null) {
            publisher.shutdown();
        }
        twinBuilder.shutdownNow();
        recorder.flush();
    }
}
