package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.sim.SimulationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunServiceTest {
    @TempDir
    Path root;

    static void await(RunService.Run run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (run.status() != RunService.Status.SUCCEEDED && System.nanoTime() < deadline) {
            assertThat(run.status()).isNotEqualTo(RunService.Status.FAILED);
            Thread.sleep(20);
        }
        assertThat(run.status()).isEqualTo(RunService.Status.SUCCEEDED);
    }

    @Test
    void runsOutliveTheServerAndNumberingContinues() throws Exception {
        SimulationRequest day = SimulationRequest.defaults(ApiTest.NINGBO)
                .withPeriod(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 2)).withStep(Duration.ofHours(1));
        try (RunService first = new RunService(root, Clock.systemUTC())) {
            RunService.Run run = first.submit(RunService.Kind.SIMULATE, "ningbo", ApiTest.NINGBO, day, List.of());
            await(run);
            assertThat(run.id()).isEqualTo("run-1");
        }
        // a run the previous server was still running when it stopped
        Files.createDirectories(root.resolve("run-7"));
        Files.writeString(root.resolve("run-7/run.json"), "{\"id\":\"run-7\",\"kind\":\"compare\",\"scenario\":"
                + "\"ningbo\",\"start\":\"2024-01-01\",\"end\":\"2025-01-01\",\"step\":\"1h\",\"strategies\":[],"
                + "\"status\":\"running\",\"created\":\"2026-11-29T10:00:00Z\"}");
        try (RunService second = new RunService(root, Clock.systemUTC())) {
            List<RunService.Run> listed = second.list();
            assertThat(listed).extracting(RunService.Run::id).containsExactly("run-7", "run-1");
            RunService.Run done = second.get("run-1").orElseThrow();
            assertThat(done.status()).isEqualTo(RunService.Status.SUCCEEDED);
            assertThat(done.toMap()).containsEntry("start", "2024-06-01").containsEntry("progress", 1.0);
            assertThat(Files.readString(done.summary())).contains("chuanshan-port");
            assertThat(second.get("run-7").orElseThrow().toMap()).containsEntry("status", "failed")
                    .containsEntry("message", "interrupted: the server stopped before the run finished");
            RunService.Run next = second.submit(RunService.Kind.SIMULATE, "ningbo", ApiTest.NINGBO, day, List.of());
            assertThat(next.id()).isEqualTo("run-8");
            await(next);
        }
    }

    static void awaitStatus(RunService.Run run, RunService.Status status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (run.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(run.status()).as(run.toMap().toString()).isEqualTo(status);
    }

    @Test
    void aRunThatCostsMoreThanTheLimitIsRefusedBeforeItIsQueued() {
        // 2024 and 2025 at one minute: 1,052,640 steps × 3 sites = 3,157,920 site-steps, over a limit of 3,000,000
        SimulationRequest twoYears = SimulationRequest.defaults(ApiTest.NINGBO)
                .withPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1)).withStep(Duration.ofMinutes(1));
        try (RunService runs = new RunService(root, Clock.systemUTC(), new RunLimits(3_000_000, 1L << 40))) {
            assertThatThrownBy(() -> runs.submit(RunService.Kind.SIMULATE, "ningbo", ApiTest.NINGBO, twoYears,
                    List.of())).isInstanceOf(InvalidInputException.class).hasMessageContaining(
                    "asks for 1,052,640 steps × 3 sites × 1 strategies = 3,157,920 site-steps; a run may have at "
                            + "most 3,000,000 here");
            // memory: 3,157,920 site-steps × 200 B = 602 MB against 512 MB
            try (RunService small = new RunService(root.resolve("b"), Clock.systemUTC(),
                    new RunLimits(10_000_000, 512L << 20))) {
                assertThatThrownBy(() -> small.submit(RunService.Kind.SIMULATE, "ningbo", ApiTest.NINGBO,
                        twoYears, List.of())).hasMessageContaining("needs about 602 MB of memory and a run may use "
                                + "512 MB here");
            }
            assertThat(runs.list()).isEmpty();
        }
    }

    @Test
    void aRunningRunStopsPromptlyWhenCancelledAndAQueuedOneNeverStarts() throws Exception {
        // a year at one minute takes seconds here; cancelled once running, it stops well within a second
        SimulationRequest year = SimulationRequest.defaults(ApiTest.NINGBO).withStep(Duration.ofMinutes(1));
        try (RunService runs = new RunService(root, Clock.systemUTC())) {
            RunService.Run running = runs.submit(RunService.Kind.SIMULATE, "ningbo", ApiTest.NINGBO, year, List.of());
            RunService.Run queued = runs.submit(RunService.Kind.SIMULATE, "ningbo", ApiTest.NINGBO, year, List.of());
            awaitStatus(running, RunService.Status.RUNNING, Duration.ofSeconds(30));
            runs.cancel(queued.id());
            assertThat(queued.status()).isEqualTo(RunService.Status.CANCELLED);
            assertThat(queued.toMap()).containsEntry("message", "cancelled before it started");
            runs.cancel(running.id());
            awaitStatus(running, RunService.Status.CANCELLED, Duration.ofSeconds(2));
            assertThat((String) running.toMap().get("message")).startsWith("cancelled at ");
            // the worker is free again: a small run after them succeeds
            SimulationRequest day = SimulationRequest.defaults(ApiTest.NINGBO)
                    .withPeriod(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 2));
            await(runs.submit(RunService.Kind.SIMULATE, "ningbo", ApiTest.NINGBO, day, List.of()));
            assertThat(runs.cancel("run-99")).isEmpty();
        }
    }
}
