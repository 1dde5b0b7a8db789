package dev.codearena.command.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.command.http.RestSupport;
import dev.codearena.problems.ProblemStore;
import java.nio.file.Path;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Admin problem authoring. Properties: {@code codearena.problems.drafts-dir} (default
 * {@code <data-dir>/problem-drafts}), {@code codearena.problems.max-test-archive-bytes} (16 MiB, the
 * upload) and {@code codearena.problems.max-test-bytes} (256 MiB, the tests unpacked).
 */
@Configuration(proxyBeanMethods = false)
class ProblemAuthoringConfiguration {

    @Bean
    ProblemDrafts problemDrafts(@Value("${codearena.problems.drafts-dir:${codearena.data-dir:./data}/problem-drafts}") String dir,
                                ObjectMapper json) {
        return new ProblemDrafts(Path.of(dir).toAbsolutePath().normalize(), json);
    }

    @Bean
    ProblemAuthoring problemAuthoring(ProblemDrafts drafts, CommandGateway commands, JdbcTemplate jdbc, Clock clock,
                                      @Value("${codearena.problems.dir:./problems}") String problems,
                                      @Value("${codearena.judge.problems-root:${codearena.data-dir:./data}/problem-store}") String store,
                                      @Value("${codearena.problems.max-test-bytes:268435456}") long maxTestBytes) {
        return new ProblemAuthoring(drafts, new ProblemStore(Path.of(store).toAbsolutePath().normalize()),
                Path.of(problems).toAbsolutePath().normalize(), commands, jdbc, new TestArchive(maxTestBytes), clock);
    }

    @Bean
    RouterFunction<ServerResponse> problemAuthoringRouter(ProblemAuthoring authoring, RestSupport rest,
                                                          @Value("${codearena.problems.max-test-archive-bytes:16777216}") int maxArchiveBytes) {
        ProblemAuthoringRoutes routes = new ProblemAuthoringRoutes(authoring, rest, maxArchiveBytes);
        return RouterFunctions.route()
                .GET("/api/admin/problems", routes::list)
                .POST("/api/admin/problems", routes::create)
                .GET("/api/admin/problems/{slug}", routes::get)
                .PUT("/api/admin/problems/{slug}", routes::update)
                .POST("/api/admin/problems/{slug}/adopt", routes::adopt)
                .PUT("/api/admin/problems/{slug}/tests", routes::uploadTests)
                .POST("/api/admin/problems/{slug}/publish", routes::publish)
                .build();
    }
}
