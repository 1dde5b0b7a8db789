package dev.codearena.judge.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The in-sandbox supervisor, built from its C source ({@code src/main/c/supervisor.c}, shipped in
 * the jar as {@value #RESOURCE}) with the host's gcc on first use and cached by source hash.
 * Building at run time rather than in Maven keeps the jar portable and lets the Docker runner
 * images build the very same source. It is linked statically when the C library allows, so the
 * binary also runs inside containers with another libc.
 */
public final class SupervisorBinary {

    public static final String RESOURCE = "native/supervisor.c";
    /** The Python fork server's hook, installed as {@code python/sitecustomize.py} next to the binary. */
    public static final String PYTHON_HOOK = "native/python/sitecustomize.py";

    private final Path binary;
    private final String source;

    private SupervisorBinary(Path binary, String source) {
        this.binary = binary;
        this.source = source;
    }

    /** The host path of the compiled supervisor (its directory is what sandboxes mount). */
    public Path binary() {
        return binary;
    }

    /** The C source, for sandboxes that build it elsewhere (e.g. into a runner image). */
    public String source() {
        return source;
    }

    public static synchronized SupervisorBinary build(Path workDir) throws SandboxException {
        String source;
        try (InputStream in = SupervisorBinary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new SandboxException("supervisor source " + RESOURCE + " missing from the class path");
            }
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SandboxException("cannot read supervisor source", e);
        }
        String hook;
        try (InputStream in = SupervisorBinary.class.getClassLoader().getResourceAsStream(PYTHON_HOOK)) {
            if (in == null) {
                throw new SandboxException("fork server hook " + PYTHON_HOOK + " missing from the class path");
            }
            hook = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SandboxException("cannot read the fork server hook", e);
        }
        Path dir = workDir.resolve("supervisor").resolve(sha256(source + hook).substring(0, 16));
        Path binary = dir.resolve("supervisor");
        if (Files.isExecutable(binary)) {
            return new SupervisorBinary(binary, source);
        }
        try {
            Files.createDirectories(dir.resolve("python"));
            Files.writeString(dir.resolve("python").resolve("sitecustomize.py"), hook);
            Path src = Files.writeString(dir.resolve("supervisor.c"), source);
            Path tmp = dir.resolve("supervisor.tmp" + ProcessHandle.current().pid());
            if (!compile(List.of("gcc", "-O2", "-static", "-o", tmp.toString(), src.toString()))
                    && !compile(List.of("gcc", "-O2", "-o", tmp.toString(), src.toString()))) {
                throw new SandboxUnavailableException("gcc could not build the sandbox supervisor (see " + dir + ")");
            }
            Files.move(tmp, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new SupervisorBinary(binary, source);
        } catch (IOException e) {
            throw new SandboxException("cannot build the sandbox supervisor in " + dir, e);
        }
    }

    private static boolean compile(List<String> command) throws SandboxException {
        try {
            Process gcc = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!gcc.waitFor(60, TimeUnit.SECONDS)) {
                gcc.destroyForcibly();
                return false;
            }
            return gcc.exitValue() == 0;
        } catch (IOException e) {
            throw new SandboxUnavailableException("gcc is needed to build the sandbox supervisor", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while building the supervisor", e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
