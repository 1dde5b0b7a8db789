package dev.codearena.judge.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds sandboxes by name through {@link SandboxProvider} service entries. */
public final class Sandboxes {

    private Sandboxes() {
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(SandboxProvider.class).forEach(provider -> names.add(provider.name()));
        return names;
    }

    public static Sandbox create(String name, SandboxContext context) throws SandboxException {
        for (SandboxProvider provider : ServiceLoader.load(SandboxProvider.class)) {
            if (provider.name().equals(name)) {
                return provider.create(context);
            }
        }
        throw new SandboxUnavailableException("no sandbox named '" + name + "' (known: " + names() + ")");
    }
}
