package dev.codearena.judge.sandbox.docker;

import dev.codearena.judge.sandbox.Sandbox;
import dev.codearena.judge.sandbox.SandboxContext;
import dev.codearena.judge.sandbox.SandboxException;
import dev.codearena.judge.sandbox.SandboxProvider;

/** Registers the Docker sandbox under {@code docker} (service entry in META-INF/services). */
public final class DockerSandboxProvider implements SandboxProvider {

    @Override
    public String name() {
        return DockerSandbox.NAME;
    }

    @Override
    public Sandbox create(SandboxContext context) throws SandboxException {
        return DockerSandbox.create(context);
    }
}
