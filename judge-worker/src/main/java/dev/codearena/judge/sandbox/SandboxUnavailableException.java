package dev.codearena.judge.sandbox;

/** This kind of sandbox cannot run on this machine (no bubblewrap, no Docker engine, not root...). */
public class SandboxUnavailableException extends SandboxException {

    public SandboxUnavailableException(String message) {
        super(message);
    }

    public SandboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
