package dev.codearena.command.catalogue;

import dev.codearena.problems.ProblemStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the problem catalogue once the application is ready (properties: {@code codearena.problems.dir},
 * default {@code ./problems}; the store is {@code codearena.judge.problems-root}, the directory the
 * judge reads tests from, default {@code <data-dir>/problem-store}). Off with
 * {@code codearena.problems.load-on-start=false}. Loading runs in the background: generating tests
 * the first time can take a while, and the rest of the service need not wait for it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "codearena.problems.load-on-start", havingValue = "true", matchIfMissing = true)
class CatalogueConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogueConfiguration.class);

    @Bean
    ProblemCatalogueLoader problemCatalogueLoader(CommandGateway commands,
                                                  @Value("${codearena.problems.dir:./problems}") String problems,
                                                  @Value("${codearena.judge.problems-root:${codearena.data-dir:./data}/problem-store}") String store,
                                                  ProblemDrafts drafts) {
        return new ProblemCatalogueLoader(commands, Path.of(problems).toAbsolutePath().normalize(),
                new ProblemStore(Path.of(store).toAbsolutePath().normalize()), drafts::exists);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> loadCatalogueWhenReady(ProblemCatalogueLoader loader,
                                                                      @Value("${codearena.problems.dir:./problems}") String problems) {
        return event -> {
            if (!Files.isDirectory(Path.of(problems))) {
                log.info("no problem directory at {}; the catalogue is not loaded", Path.of(problems).toAbsolutePath());
                return;
            }
            Thread thread = new Thread(() -> {
                try {
                    loader.load();
                } catch (RuntimeException e) {
                    log.error("loading the problem catalogue failed; problems already loaded stay available", e);
                }
            }, "problem-catalogue-loader");
            thread.setDaemon(true);
            thread.start();
        };
    }
}
