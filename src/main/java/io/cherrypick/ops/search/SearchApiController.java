package io.cherrypick.ops.search;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/search?q=}: the console's one search box. */
@RestController
@RequestMapping("/api")
@Tag(name = "Search", description = "Picks, orders, customer POs, despatches, returns and exceptions by their number")
public class SearchApiController {
    private final RecordSearch search;

    public SearchApiController(RecordSearch search) {
        this.search = search;
    }

    public record Result(String q, List<SearchSource.Hit> hits) {
    }

    @GetMapping("/search")
    @Operation(summary = "Finds records whose number is the text or starts with it: picks, orders, customer POs,"
            + " despatches, return authorisations, received returns, exceptions by record (and what flows add)")
    public Result search(@RequestParam String q) {
        return new Result(q, search.find(q));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> tooLong(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
