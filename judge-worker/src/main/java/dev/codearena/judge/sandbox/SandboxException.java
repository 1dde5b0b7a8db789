package dev.codearena.judge.sandbox;

/** The sandbox itself failed; the judge turns this into IE, never into a verdict against the player. */
public class SandboxException extends Exception {

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
