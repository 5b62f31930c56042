package io.cherrypick.ops.words;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.cherrypick.handoff.HandoffStore;
import io.swagger.v3.oas.annotations.Operation;
import io.cherrypick.handoff.HandoffStore;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/words}: the plain words of every constant, and the guided fix of every exception category. */
@RestController
@RequestMapping("/api")
@Tag(name = "Plain words", description = "What each state, category, team, status and flow is called and means")
public class WordsApiController {
    private final HandoffStore handoff;

    public WordsApiController(HandoffStore handoff) {
        this.handoff = handoff;
    }

    public record Words(Map<String, List<PlainWords.Word>> groups, List<PlainWords.Guide> guides) {
    }

    @GetMapping("/words")
    @Operation(summary = "The plain name and meaning of every constant (order and return states, exception categories,"
            + " teams, statuses, flows, audit actions) and each category's guided fix")
    public Words words() {
        Map<String, List<PlainWords.Word>> groups = PlainWords.all();
        // queues named at run time (a stock queue per sales channel): their words too
        List<PlainWords.Word> flows = new ArrayList<>(groups.get(PlainWords.FLOW));
        for (String queue : handoff.queues()) {
            if (flows.stream().noneMatch(w -> w.constant().equals(queue))) {
                flows.add(PlainWords.word(PlainWords.FLOW, queue));
            }
        }
        groups.put(PlainWords.FLOW, flows);
        return new Words(groups, PlainWords.guides());
    }
}
