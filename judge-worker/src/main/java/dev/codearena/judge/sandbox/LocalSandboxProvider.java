package dev.codearena.judge.sandbox;

/** Registers {@link LocalSandbox} under the name {@value LocalSandbox#NAME}. */
public final class LocalSandboxProvider implements SandboxProvider {

    @Override
    public String name() {
        return LocalSandbox.NAME;
    }

    @Override
    public Sandbox create(SandboxContext context) throws SandboxException {
        return LocalSandbox.create(context);
    }
}
