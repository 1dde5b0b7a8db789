package dev.codearena.judge;

import dev.codearena.judge.cli.JudgeCommand;
import java.util.Arrays;

/**
 * Entry point of judge-worker.jar: {@code judge ...} runs the command line without starting
 * Spring (it must answer quickly); anything else starts the worker service.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("judge")) {
            System.setProperty("logback.configurationFile", "judge-cli-logback.xml");
            System.exit(JudgeCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        JudgeWorkerApplication.main(args);
    }
}
