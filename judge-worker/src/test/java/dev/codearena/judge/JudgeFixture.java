package dev.codearena.judge;

import static org.junit.jupiter.api.Assertions.fail;

import dev.codearena.judge.sandbox.SandboxException;
import dev.codearena.judge.sandbox.SandboxUnavailableException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * One shared {@link Judge} per sandbox for the whole test JVM (creating one builds the
 * supervisor and the PCH, and self-tests every language once).
 *
 * <p>A sandbox this machine cannot run makes its tests skip, unless {@code CODEARENA_REQUIRE_<NAME>}
 * (environment or system property, e.g. {@code CODEARENA_REQUIRE_DOCKER=true}) says CI needs it:
 * then they fail. The local sandbox is required unless {@code CODEARENA_REQUIRE_LOCAL=false}.
 */
final class JudgeFixture {

    private static final Map<String, Object> JUDGES = new HashMap<>();

    private JudgeFixture() {
    }

    static synchronized Judge judge(String sandbox) {
        Object judge = JUDGES.computeIfAbsent(sandbox, JudgeFixture::create);
        if (judge instanceof String reason) {
            if (required(sandbox)) {
                fail("sandbox '" + sandbox + "' is required here but unavailable: " + reason);
            }
            Assumptions.abort("sandbox '" + sandbox + "' unavailable on this machine: " + reason);
        }
        return (Judge) judge;
    }

    private static Object create(String sandbox) {
        try {
            Judge judge = Judge.create(JudgeConfig.defaults(sandbox));
            judge.awaitPrecompiledHeader();
            judge.selfTest();
            Runtime.getRuntime().addShutdownHook(new Thread(judge::close));
            return judge;
        } catch (SandboxUnavailableException e) {
            return e.getMessage();
        } catch (SandboxException e) {
            throw new IllegalStateException("sandbox '" + sandbox + "' failed to start", e);
        }
    }

    static boolean required(String sandbox) {
        String key = "CODEARENA_REQUIRE_" + sandbox.toUpperCase(Locale.ROOT);
        String value = System.getProperty(key, System.getenv(key));
        if (value == null) {
            return sandbox.equals("local");
        }
        return Boolean.parseBoolean(value);
    }
}
