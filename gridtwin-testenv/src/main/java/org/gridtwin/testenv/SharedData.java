package org.gridtwin.testenv;

import java.nio.file.Path;

/**
 * The reference files beside the repository ({@code ../shared/data}) that tests may read but the product never
 * ships or needs. A test that reads them is marked {@code @Requires(Prerequisite.SHARED_DATA)}.
 */
public final class SharedData {
    static final String HANGZHOU_EPW = "weather/CHN_Zhejiang.Hangzhou.584570_CSWD.epw";

    private SharedData() {
    }

    /** The Hangzhou CSWD typical year (WMO 58457). */
    public static Path hangzhouEpw() {
        return file(HANGZHOU_EPW);
    }

    /** A file or folder under {@code shared/data}; absent, an error that names it. */
    public static Path file(String relative) {
        return TestEnvironment.sharedData(relative).orElseThrow(() -> new IllegalStateException(
                "shared/data/" + relative + " is missing beside the repository (mark the test @Requires("
                        + "Prerequisite.SHARED_DATA))"));
    }
}
