package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridtwin.model.Site;
import org.gridtwin.sim.SiteResult;
import org.gridtwin.store.Bucket;
import org.gridtwin.store.Resolution;
import org.gridtwin.store.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} three times in a row, at random moments of a fast live run in a child JVM: the store's counters
 * always count exactly its samples, no site-minute is stored twice or missing, and the totals after the kills
 * equal the simulation of the same minutes — a crash loses nothing that was counted.
 */
class KillTest {
    @TempDir
    Path data;

    @Test
    void threeKillsInARowLoseNothingAndCountNothingTwice() throws Exception {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int kill = 0; kill < 3; kill++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Xmx1g", KillTarget.class.getName(),
                    data.toString()).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                StringBuilder seen = new StringBuilder();
                while ((line = out.readLine()) != null && !line.equals("running")) {
                    seen.append(line).append('\n');
                }
                assertThat(line).as("the child started:\n%s", seen).isEqualTo("running");
                // let it run and write for 1.5 to 3 s (a few site-hours), then kill it without warning
                Thread.sleep(1500 + random.nextInt(1500));
                p.destroyForcibly();
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        try (GridTwinServer after = ApiTest.start(data)) {
            for (Site site : ApiTest.NINGBO.sites()) {
                Map<String, Double> c = after.store().counters(site.id());
                long cycles = c.get("cycles").longValue();
                assertThat(cycles).as("minutes run by the three children").isGreaterThan(600);
                List<Sample> samples = after.store().samples(site.id(), ApiTest.START, Instant.MAX);
                // one sample per minute from the start, none twice, none missing
                assertThat(samples).hasSize((int) cycles);
                for (int i = 0; i < samples.size(); i++) {
                    assertThat(samples.get(i).time()).isEqualTo(ApiTest.START.plusSeconds(60L * i));
                }
                // the counters count exactly the stored samples
                double windKwh = after.store().history(site.id(), Resolution.DAY, ApiTest.START.minusSeconds(86_400),
                        Instant.MAX).stream().mapToDouble(Bucket::windKwh).sum();
                assertThat(c.get("wind_kwh")).isCloseTo(windKwh, within(1e-6));
                // and equal the simulation of the same minutes: the restarts replayed from their checkpoints
                SiteResult sim = ApiTest.simulated(site.id());
                assertThat(c.get("wind_kwh")).isCloseTo(ApiTest.kwh(sim.windKw(), (int) cycles), within(1e-6));
                assertThat(c.get("pv_kwh")).isCloseTo(ApiTest.kwh(sim.pvKw(), (int) cycles), within(1e-6));
                assertThat(c.get("import_kwh")).isCloseTo(ApiTest.importKwh(sim.gridKw(), (int) cycles),
                        within(1e-6));
            }
        }
    }
}
