package io.trackingsystem.tracking.blocks;

/** Bytes that are not a block this release can read. */
public final class MalformedBlockException extends RuntimeException {

    public MalformedBlockException(String message) {
        super(message);
    }
}
