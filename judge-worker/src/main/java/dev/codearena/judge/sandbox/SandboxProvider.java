package dev.codearena.judge.sandbox;

/**
 * Service-provider interface ({@code META-INF/services/dev.codearena.judge.sandbox.SandboxProvider})
 * so that {@link Sandboxes#create} finds every sandbox by name without the judge core knowing them.
 */
public interface SandboxProvider {

    String name();

    /** Creates the sandbox or explains why this machine cannot run it ({@link SandboxUnavailableException}). */
    Sandbox create(SandboxContext context) throws SandboxException;
}
