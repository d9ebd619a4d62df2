package org.gridtwin.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbStoreTest extends TelemetryStoreContract {
    @TempDir
    Path dir;

    @Override
    protected TelemetryStore create() {
        return DuckDbStore.open(dir.resolve("telemetry.duckdb"));
    }

    @Override
    protected TelemetryStore reopen() {
        return DuckDbStore.open(dir.resolve("telemetry.duckdb"));
    }

    @Test
    void aFileThatIsNotAStoreIsAClearError() throws IOException {
        Path bad = dir.resolve("notes.duckdb");
        Files.writeString(bad, "not a database");
        assertThatThrownBy(() -> DuckDbStore.open(bad)).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open the store " + bad.toAbsolutePath());
    }
}
