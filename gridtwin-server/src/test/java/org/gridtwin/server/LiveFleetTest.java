package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.yaml.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveFleetTest {
    @TempDir
    Path data;

    @Test
    void anOptimisingStrategyIsRefusedBeforeAnythingStarts() throws Exception {
        // the port's dispatch block (ningbo.yaml line 122) asks for MPC, which needs forecasts the live loop lacks
        Scenario sc = ScenarioReader.read(BuiltinScenarios.text("ningbo").orElseThrow()
                .replace("strategy: self-consumption", "strategy: mpc"), "ningbo-mpc.yaml", null);
        assertThatThrownBy(() -> GridTwinServer.create(sc, ApiTest.options(), data,
                Clock.fixed(ApiTest.START, ZoneOffset.UTC), System::nanoTime))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).problems().get(0).message()).asString()
                .isEqualTo("ningbo: sites[0].dispatch.strategy = mpc cannot run live yet (it needs forecasts); serve "
                        + "runs the rule strategies: self-consumption, peak-shaving, tou-arbitrage, cycle-charging");
        // nothing was left open: the store file can be opened again at once
        try (GridTwinServer again = GridTwinServer.create(ApiTest.NINGBO, ApiTest.options(), data,
                Clock.fixed(ApiTest.START, ZoneOffset.UTC), System::nanoTime)) {
            assertThat(again.fleet().startedAt()).isEqualTo(ApiTest.START);
        }
    }
}
