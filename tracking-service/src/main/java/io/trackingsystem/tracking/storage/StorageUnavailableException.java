package io.trackingsystem.tracking.storage;

/** Redis could not be read or written in time; the caller answers 503 or retries later. */
public final class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
