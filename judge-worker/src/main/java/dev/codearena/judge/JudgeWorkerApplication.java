package dev.codearena.judge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs the judge-worker on its own, against external PostgreSQL and Redis. */
@SpringBootApplication
public class JudgeWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(JudgeWorkerApplication.class, args);
    }
}
