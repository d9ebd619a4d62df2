package org.gridtwin.ems.device;

/** A device did not answer, answered with an exception, or answered what cannot be right; the message says which. */
public final class DeviceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
