package org.gridtwin.adapters.iec104;

/** An ASDU that cannot be read or served, with the cause of transmission a negative answer carries. */
public final class Iec104Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Asdu.Cause cause;

    public Iec104Exception(String message, Asdu.Cause cause) {
        super(message);
        this.cause = cause;
    }

    /** The cause of transmission of the negative answer (44 unknown type, 45 cause, 46 address, 47 object). */
    public Asdu.Cause answerCause() {
        return cause;
    }
}
