package dev.codearena.query.api;

import dev.codearena.api.query.RebuildStatus;
import dev.codearena.query.admin.RebuildService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Admin-only (an access token with the ADMIN role, checked by {@code AdminGate}): rebuild read models from history and watch the progress. */
@Tag(name = "admin")
@RestController
@RequestMapping(path = "/api/admin/read-models", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminRestController {

    private final RebuildService rebuilds;

    AdminRestController(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Operation(summary = "Progress of every read model's last rebuild")
    @GetMapping
    List<RebuildStatus> statuses() {
        return rebuilds.statusAll();
    }

    @Operation(summary = "Progress of one read model's rebuild (players, matches, clans, problems, live-views, fair-play)")
    @GetMapping("/{readModel}")
    RebuildStatus status(@PathVariable String readModel) {
        return rebuilds.status(readModel);
    }

    @Operation(summary = "Rebuild one read model from history; reads of it answer READ_MODEL_REBUILDING until done")
    @PostMapping("/{readModel}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<RebuildStatus> rebuild(@PathVariable String readModel) {
        return Mono.fromCallable(() -> rebuilds.rebuild(readModel)).subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(summary = "Rebuild every read model (or those named in readModels, comma-separated) from history in one pass"
            + " over the event store")
    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<List<RebuildStatus>> rebuildAll(@RequestParam(required = false) List<String> readModels) {
        return Mono.fromCallable(() -> readModels == null || readModels.isEmpty() ? rebuilds.rebuildAll() : rebuilds.rebuild(readModels))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
