package org.gridtwin.testenv;

import java.io.File;
import java.util.function.BooleanSupplier;

/** Something a test needs that the repository does not hold; {@link Requires} names them. */
public enum Prerequisite {
    /** The licence-restricted reference files in {@code ../shared/data} (weather, turbine curves, SunSpec models). */
    SHARED_DATA("../shared/data beside the repository (reference files the repository may not hold)",
            () -> TestEnvironment.sharedData(SharedData.HANGZHOU_EPW).isPresent()),
    /** GLPK's glpsol and COIN-OR's cbc, the independent LP solvers of the cross-checks. */
    REFERENCE_SOLVERS("glpsol and cbc (Debian glpk-utils, coinor-cbc)",
            () -> TestEnvironment.onPath("glpsol") && TestEnvironment.onPath("cbc")),
    /** Debian's headless Chromium and its WebDriver. */
    CHROMIUM("/usr/bin/chromium and /usr/bin/chromedriver (Debian chromium, chromium-driver)",
            () -> new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute()),
    /** Modbus peers that are not our code: Debian's pymodbus (under Debian's own python) and mbpoll. */
    MODBUS_PEERS("/usr/bin/python3 with pymodbus and mbpoll (Debian python3-pymodbus, mbpoll)",
            () -> TestEnvironment.onPath("mbpoll") && TestEnvironment.pythonImports("/usr/bin/python3", "pymodbus")),
    /** A real MQTT broker and a client that is not our code: Debian's mosquitto and mosquitto_sub. */
    MOSQUITTO("/usr/sbin/mosquitto and mosquitto_sub (Debian mosquitto, mosquitto-clients)",
            () -> new File("/usr/sbin/mosquitto").canExecute() && TestEnvironment.onPath("mosquitto_sub"));

    private final String what;
    private final BooleanSupplier present;

    Prerequisite(String what, BooleanSupplier present) {
        this.what = what;
        this.present = present;
    }

    /** What is needed, in words for a skip reason or a CI failure. */
    public String what() {
        return what;
    }

    public boolean isPresent() {
        return present.getAsBoolean();
    }
}
