package io.cherrypick.setup;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cherrypick.security.Operator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The setup audit over HTTP: {@code POST /api/audit} starts one in the background and answers at once with the run
 * (its id and progress; {@code ?wait=true} answers when it is done), {@code GET /api/audit/runs/{id}} is the report so
 * far (the console polls it), {@code .../report} the same as a printable HTML page. (Not to be confused with
 * {@code GET /api/audit}, the log of who did what, where the start of each setup audit is recorded too.)
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Setup audit", description = "Is the brand's Blue Cherry and Peoplevox setup ready for the integration, and"
        + " what to fix (read-only; within Peoplevox's rate limit)")
public class SetupAuditController {
    /** How long {@code ?wait=true} waits before answering with the run as it is. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(30);

    private final AuditRuns runs;

    public SetupAuditController(AuditRuns runs) {
        this.runs = runs;
    }

    @PostMapping
    @Operation(summary = "Starts a setup audit (or gives the one running): the report so far, at /api/audit/runs/{id};"
            + " with wait=true, the finished report")
    @ApiResponse(responseCode = "202", description = "The audit runs: its report so far (follow it at the Location)")
    @ApiResponse(responseCode = "200", description = "The audit is done (wait=true): its report")
    public ResponseEntity<AuditReport> startSetupAudit(Operator operator, @RequestParam(defaultValue = "false") boolean wait)
            throws InterruptedException {
        AuditReport run = runs.start(operator.name()).report();
        Instant until = Instant.now().plus(LONGEST_WAIT);
        while (wait && AuditReport.RUNNING.equals(run.status()) && Instant.now().isBefore(until)) {
            Thread.sleep(500);
            run = runs.find(run.id()).orElse(run);
        }
        return ResponseEntity.status(AuditReport.RUNNING.equals(run.status()) ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/audit/runs/" + run.id())).body(run);
    }

    @GetMapping("/runs/latest")
    @Operation(summary = "The latest setup audit: its report so far, or its finished report")
    public ResponseEntity<AuditReport> latestSetupAudit() {
        return ResponseEntity.of(runs.latest());
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "One setup audit: its report so far (status RUNNING, with progress), or its finished report")
    public ResponseEntity<AuditReport> setupAuditRun(@PathVariable String id) {
        return ResponseEntity.of(runs.find(id));
    }

    @GetMapping(value = "/runs/{id}/report", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "One setup audit as a printable HTML page: the summary table, the stock variance chart, every"
            + " check with its examples and fix")
    public ResponseEntity<String> setupAuditReport(@PathVariable String id) {
        return runs.find(id).map(r -> ResponseEntity.ok().contentType(new MediaType("text", "html",
                java.nio.charset.StandardCharsets.UTF_8)).body(HtmlReport.render(r))).orElse(ResponseEntity.notFound().build());
    }
}
