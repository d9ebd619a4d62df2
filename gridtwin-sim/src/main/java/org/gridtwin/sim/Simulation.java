package org.gridtwin.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import org.gridtwin.dispatch.DispatchStrategy;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.dispatch.StrategyContext;
import org.gridtwin.dispatch.lp.LpSolver;
import org.gridtwin.dispatch.lp.OrToolsLpSolver;
import org.gridtwin.model.Site;
import org.gridtwin.physics.time.TimeGrid;

/**
 * The simulation harness: a virtual clock over the request's period, the physics series of every site, and the
 * same {@link DispatchStrategy} the live harness runs.
 */
public final class Simulation {
    private final LongSupplier nanoTime;
    private final LpSolver solver;
    private final int threads;

    /**
     * @param nanoTime the stopwatch used for {@code engine_seconds} (injected so tests need no real time)
     * @param solver   the LP solver of the optimising strategies
     * @param threads  sites run at once at most (a server leaves a core to its control loop)
     */
    public Simulation(LongSupplier nanoTime, LpSolver solver, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.nanoTime = nanoTime;
        this.solver = solver;
        this.threads = threads;
    }

    /** One thread per core. */
    public Simulation(LongSupplier nanoTime, LpSolver solver) {
        this(nanoTime, solver, Runtime.getRuntime().availableProcessors());
    }

    public Simulation(LongSupplier nanoTime) {
        this(nanoTime, new OrToolsLpSolver());
    }

    public static Simulation withSystemTimer() {
        return new Simulation(System::nanoTime);
    }

    public SimulationResult run(SimulationRequest request) {
        return run(request, siteIndex -> { });
    }

    /**
     * Runs every site; {@code progress} is told the index of each site as it finishes (from the thread that ran
     * it). Sites share nothing but the time grid and their seed, so they run in parallel, one per core; the results
     * are the same in any order (each site's random draws depend on the seed and the site alone).
     */
    public SimulationResult run(SimulationRequest request, IntConsumer progress) {
        request.validated();
        List<Site> sites = request.scenario().sites();
        long t0 = nanoTime.getAsLong();
        TimeGrid grid = TimeGrid.ofDates(request.start(), request.end(), request.step(), sites.get(0).timeZone());
        int threads = Math.min(sites.size(), this.threads);
        List<SiteResult> results = new ArrayList<>(sites.size());
        if (threads <= 1) {
            for (int s = 0; s < sites.size(); s++) {
                results.add(site(sites.get(s), grid, request));
                progress.accept(s);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "gridtwin-site");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<SiteResult>> running = new ArrayList<>(sites.size());
                for (int s = 0; s < sites.size(); s++) {
                    Site site = sites.get(s);
                    int index = s;
                    running.add(pool.submit(() -> {
                        SiteResult r = site(site, grid, request);
                        progress.accept(index);
                        return r;
                    }));
                }
                for (Future<SiteResult> f : running) {
                    results.add(join(f));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        double seconds = (nanoTime.getAsLong() - t0) / 1e9;
        return new SimulationResult(request, grid, results, seconds);
    }

    private SiteResult site(Site site, TimeGrid grid, SimulationRequest request) {
        SiteInputs inputs = SiteInputsBuilder.build(site, grid, request.seed());
        String name = request.strategy() != null ? request.strategy() : site.dispatch().strategy();
        StrategyContext context = Strategies.needsContext(name) ? context(inputs, request) : null;
        DispatchStrategy strategy = Strategies.create(name, site.dispatch(), context);
        SiteResult r = Engine.run(inputs, strategy);
        if (!site.resilience().island().hasReserve(site.battery())) {
            return r;
        }
        // the reserve's cost: the same year dispatched by the same strategy without it
        Site free = site.withResilience(site.resilience().withIsland(
                site.resilience().island().withReserve(site.battery().socMinFraction())));
        SiteInputs freeInputs = inputs.with(free, inputs.windKw(), inputs.pvKw());
        StrategyContext freeContext = Strategies.needsContext(name) ? context(freeInputs, request) : null;
        SiteResult without = Engine.run(freeInputs, Strategies.create(name, free.dispatch(), freeContext));
        return r.withReserveCost(org.gridtwin.sim.kpi.KpiCalculator.site(r).totalCostYuan()
                - org.gridtwin.sim.kpi.KpiCalculator.site(without).totalCostYuan());
    }

    /** A site's result, or what it threw, as if it had run on this thread. */
    private static SiteResult join(Future<SiteResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            // the run was cancelled: the finally of run() interrupts the sites' threads
            Thread.currentThread().interrupt();
            java.util.concurrent.CancellationException c = new java.util.concurrent.CancellationException(
                    "cancelled while the sites ran");
            c.initCause(e);
            throw c;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private StrategyContext context(SiteInputs inputs, SimulationRequest request) {
        int stepSec = inputs.grid().stepSeconds();
        SimulationRequest.Mpc m = request.mpc();
        return new StrategyContext(LpInputsFactory.of(inputs), inputs.grid().start().getEpochSecond(), stepSec,
                solver, new StrategyContext.MpcSettings((int) (m.horizon().toSeconds() / stepSec),
                        (int) (m.replan().toSeconds() / stepSec), m.forecast(), m.noiseFraction(), request.seed(),
                        60));
    }
}
