package org.gridtwin.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the reference data beside the repository ({@code ../shared/data}): real weather files and turbine curves
 * that tests may read but the product never ships or needs.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The Hangzhou CSWD typical year (WMO 58457), if the shared folder is present. */
    public static Optional<Path> hangzhouEpw() {
        return find("weather/CHN_Zhejiang.Hangzhou.584570_CSWD.epw");
    }

    /** A file under {@code shared/data}, searched upwards from the working directory. */
    public static Optional<Path> find(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared/data").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }
}
