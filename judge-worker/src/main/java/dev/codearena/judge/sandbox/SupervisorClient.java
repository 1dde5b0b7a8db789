package dev.codearena.judge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Java side of the supervisor's line protocol (documented in {@code supervisor.c} and
 * judge-worker/README.md). Transport-agnostic: give it the supervisor's stdin and stdout,
 * whether they come from a local bubblewrap process or a {@code docker exec} attach.
 * Not thread-safe: one request at a time, like the supervisor itself.
 */
public final class SupervisorClient {

    public static final int PROTOCOL_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer toSupervisor;
    private final BufferedReader fromSupervisor;

    public SupervisorClient(OutputStream supervisorStdin, InputStream supervisorStdout) {
        this.toSupervisor = new OutputStreamWriter(supervisorStdin, StandardCharsets.UTF_8);
        this.fromSupervisor = new BufferedReader(new InputStreamReader(supervisorStdout, StandardCharsets.UTF_8));
    }

    /** The supervisor's greeting, telling which cgroup controllers it could use. */
    public record Ready(int protocol, boolean memoryCgroup, boolean pidsCgroup) {
    }

    /**
     * One run, with every path as seen inside the sandbox.
     *
     * @param stdin  file opened (by the supervisor, before dropping rights) as the program's stdin, or null
     * @param stdout file created/truncated as its stdout
     * @param stderr file for its stderr; equal to stdout to merge them; null discards
     */
    public record Request(List<String> argv, Map<String, String> environment, String stdin, String stdout,
                          String stderr, String cwd, ResourceLimits limits, String forkServer) {

        public Request(List<String> argv, Map<String, String> environment, String stdin, String stdout,
                       String stderr, String cwd, ResourceLimits limits) {
            this(argv, environment, stdin, stdout, stderr, cwd, limits, null);
        }
    }

    /** The supervisor's answer for one run; {@code status} is exited|signaled|cpu_time|wall_time|error. */
    public record Report(String status, Integer exitCode, Integer signal, long cpuMs, long wallMs, long memoryKb,
                         boolean memoryLimitHit, boolean outputLimitHit, long outputBytes, String error) {

        public RunOutcome.Status outcomeStatus() {
            return switch (status) {
                case "exited" -> RunOutcome.Status.EXITED;
                case "signaled" -> RunOutcome.Status.SIGNALED;
                case "cpu_time" -> RunOutcome.Status.CPU_TIME;
                case "wall_time" -> RunOutcome.Status.WALL_TIME;
                default -> RunOutcome.Status.ERROR;
            };
        }
    }

    public Ready awaitReady() throws SandboxException {
        JsonNode node = readLine("the sandbox did not start");
        if (!node.path("ready").asBoolean(false) || node.path("protocol").asInt() != PROTOCOL_VERSION) {
            throw new SandboxException("unexpected supervisor greeting: " + node);
        }
        return new Ready(node.path("protocol").asInt(), node.path("memoryCgroup").asBoolean(),
                node.path("pidsCgroup").asBoolean());
    }

    public Report run(Request request) throws SandboxException {
        StringBuilder text = new StringBuilder(512).append("run\n");
        ResourceLimits limits = request.limits();
        line(text, "cpu_ms", limits.cpuMs());
        line(text, "wall_ms", limits.wallMs());
        line(text, "memory_kb", limits.memoryKb());
        line(text, "address_space_kb", limits.addressSpaceKb());
        line(text, "stack_kb", limits.stackKb());
        line(text, "output_bytes", limits.outputBytes());
        line(text, "processes", limits.processes());
        line(text, "stdin", request.stdin());
        line(text, "stdout", request.stdout());
        line(text, "stderr", request.stderr());
        line(text, "cwd", request.cwd());
        line(text, "fork_server", request.forkServer());
        for (String arg : request.argv()) {
            line(text, "arg", arg);
        }
        request.environment().forEach((name, value) -> line(text, "env", name + "=" + value));
        text.append("end\n");
        try {
            toSupervisor.write(text.toString());
            toSupervisor.flush();
        } catch (IOException e) {
            throw new SandboxException("the sandbox supervisor is gone", e);
        }
        JsonNode node = readLine("the sandbox supervisor died during a run");
        return new Report(node.path("status").asText("error"),
                node.path("exitCode").isNumber() ? node.path("exitCode").asInt() : null,
                node.path("signal").isNumber() ? node.path("signal").asInt() : null,
                node.path("cpuMs").asLong(), node.path("wallMs").asLong(), node.path("memoryKb").asLong(),
                node.path("memoryLimitHit").asBoolean(), node.path("outputLimitHit").asBoolean(),
                node.path("outputBytes").asLong(), node.path("error").isTextual() ? node.path("error").asText() : null);
    }

    /** Asks the supervisor to kill what is left and exit. */
    public void quit() {
        try {
            toSupervisor.write("quit\n");
            toSupervisor.flush();
        } catch (IOException ignored) {
            // already gone: nothing to stop
        }
    }

    private static void line(StringBuilder text, String key, Object value) {
        if (value == null) {
            return;
        }
        String string = value.toString();
        if (string.indexOf('\n') >= 0 || string.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("protocol values cannot contain line breaks: " + key);
        }
        text.append(key).append(' ').append(string).append('\n');
    }

    private JsonNode readLine(String whenMissing) throws SandboxException {
        try {
            String line = fromSupervisor.readLine();
            if (line == null) {
                throw new SandboxException(whenMissing);
            }
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new SandboxException(whenMissing, e);
        }
    }
}
