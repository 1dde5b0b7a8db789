package dev.codearena.judge;

import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.JudgeResult;
import dev.codearena.judge.language.LanguageHealth;
import dev.codearena.judge.sandbox.SandboxException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's judge: created at start-up, self-tested in the background. When the configured
 * sandbox cannot run on this machine the service stays up and says why (health endpoint)
 * instead of taking the whole process down: the one-process arena must start anywhere.
 */
public class JudgeService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JudgeService.class);

    private final Judge judge;
    private final String unavailableReason;
    private volatile boolean selfTested;

    public JudgeService(JudgeConfig config) {
        Judge created = null;
        String reason = null;
        try {
            created = Judge.create(config);
            created.startPrecompiledHeader();
            log.info("judge ready: sandbox {}, work dir {}", config.sandbox(), config.workDir());
        } catch (SandboxException e) {
            reason = e.getMessage();
            log.warn("the judge is unavailable on this machine: {}", reason);
        }
        this.judge = created;
        this.unavailableReason = reason;
    }

    /** Wraps an existing judge (tests), or none with the reason it is unavailable. */
    JudgeService(Judge judge, String unavailableReason, boolean selfTested) {
        this.judge = judge;
        this.unavailableReason = unavailableReason;
        this.selfTested = selfTested;
    }

    public Optional<Judge> judge() {
        return Optional.ofNullable(judge);
    }

    public boolean available() {
        return judge != null;
    }

    public String unavailableReason() {
        return unavailableReason;
    }

    public boolean selfTested() {
        return selfTested;
    }

    /** Runs every language's self-test (seconds: javac, g++); called once in the background at start-up. */
    public void selfTest() {
        if (judge != null) {
            LanguageHealth health = judge.selfTest();
            selfTested = true;
            log.info("judge languages usable: {}", health.usableLanguages());
        }
    }

    /** Judges a job; see {@link Judge#judge}. */
    public JudgeResult judge(JudgeJob job, JudgeListener listener) throws JudgeRequestException {
        if (judge == null) {
            throw new IllegalStateException("the judge is unavailable: " + unavailableReason);
        }
        return judge.judge(job, listener);
    }

    @Override
    public void close() {
        if (judge != null) {
            judge.close();
        }
    }
}
