package io.cherrypick.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import io.cherrypick.ops.words.PlainWords;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.OrderLifecycle;
import io.cherrypick.store.Timestamps;

/**
 * Everything "where is this order?" shows for one pick: the lifecycle row, its steps as a timeline, whether it is
 * stuck, its despatches and returns, and its exceptions (open first).
 */
@Service
public class OrderDetails {
    private final NamedParameterJdbcTemplate jdbc;
    private final ExceptionStore exceptions;
    private final OpsProperties props;

    public OrderDetails(NamedParameterJdbcTemplate jdbc, ExceptionStore exceptions, OpsProperties props) {
        this.jdbc = jdbc;
        this.exceptions = exceptions;
        this.props = props;
    }

    public record Despatch(String despatchNumber, int units, Instant heardOf) {
    }

    public record Return(String raNum, String state, String stateLabel, Instant updatedAt) {
    }

    /** Past the limit of the state it is in ({@code cherrypick.ops.stuck-after}), and what it waits for. */
    public record Stuck(long limitMinutes, String waitingFor) {
    }

    public Map<String, Object> of(OrderLifecycle o) {
        Instant now = Instant.now();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("lifecycle", o);
        view.put("openExceptions", exceptions.list(ExceptionRecord.OPEN, null, null, o.pickNum(), 20));
        OrderTimeline.Timeline timeline = OrderTimeline.of(o, now);
        view.put("timeline", timeline);
        Duration limit = props.stuckAfter().get(o.state());
        view.put("stuck", limit != null && timeline.inStateSeconds() > limit.toSeconds()
                ? new Stuck(limit.toMinutes(), StuckOrders.waitingFor(o.state())) : null);
        view.put("despatches", jdbc.query("select despatch_number, units, created_at from despatch where pick_num = :pick"
                + " order by created_at, despatch_number", Map.of("pick", o.pickNum()), (rs, i) -> new Despatch(
                rs.getString("despatch_number"), rs.getInt("units"), Timestamps.read(rs, "created_at"))));
        view.put("returns", jdbc.query("select ra_num, state, updated_at from return_authorisation where pick_num = :pick"
                + " order by ra_num", Map.of("pick", o.pickNum()), (rs, i) -> new Return(rs.getString("ra_num"),
                rs.getString("state"), PlainWords.plain(PlainWords.RETURN_STATE, rs.getString("state")),
                Timestamps.read(rs, "updated_at"))));
        List<ExceptionRecord> all = exceptions.list(null, null, null, o.pickNum(), 50);
        view.put("exceptions", all.stream().map(e -> exceptionSummary(e)).toList());
        return view;
    }

    private static Map<String, Object> exceptionSummary(ExceptionRecord e) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", e.id());
        s.put("flow", e.flow());
        s.put("category", e.category().name());
        s.put("status", e.status());
        s.put("message", e.message());
        s.put("firstSeen", e.firstSeen());
        s.put("actionedBy", e.actionedBy());
        s.put("actionReason", e.actionReason());
        return s;
    }
}
