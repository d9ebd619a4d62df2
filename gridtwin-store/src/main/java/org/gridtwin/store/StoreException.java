package org.gridtwin.store;

/** The store could not do what was asked (disk, file lock, corrupt file); the message says what and why. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
