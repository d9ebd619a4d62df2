package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
}
