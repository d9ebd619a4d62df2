package org.gridtwin.adapters.iec104;

import java.time.Instant;
import java.util.List;

/** What a controlled station serves: its common address, its points now, and what a setpoint command does. */
public interface StationPoints {
    int commonAddress();

    /** Every monitored point's value now (short floats and single points with their time tags). */
    List<Asdu.InfoObject> points(Instant now);

    /** Whether {@code ioa} takes float setpoints. */
    boolean isSetpoint(int ioa);

    /** Applies a setpoint; null when done, else why it was refused (the command is answered negatively). */
    String setpoint(int ioa, float value);
}
