package dev.codearena.arena;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The one-process arena: command side, query side and judge in one JVM. */
@SpringBootApplication(scanBasePackages = "dev.codearena")
public class ArenaApplication {

    public static void main(String[] args) {
        SpringApplication.run(ArenaApplication.class, args);
    }
}
