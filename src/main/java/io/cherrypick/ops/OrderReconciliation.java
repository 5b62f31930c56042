package io.cherrypick.ops;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import io.cherrypick.store.Timestamps;

/**
 * Orders reconciliation for finance: per day (in {@code cherrypick.ops.report-zone}), Blue Cherry location and Peoplevox
 * site, how many picks were received from Blue Cherry, held, released to and accepted by Peoplevox, despatched (and how
 * many units), confirmed back in Blue Cherry (which then invoices) and cancelled; and the picks despatched but not yet
 * confirmed, which are revenue not yet invoiced. Each pick counts once per step, on the day of its latest time in that
 * step (a pick held twice counts on the second day).
 */
@Service
public class OrderReconciliation {
    static final int GAP_LIMIT = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final OpsProperties props;

    public OrderReconciliation(NamedParameterJdbcTemplate jdbc, OpsProperties props) {
        this.jdbc = jdbc;
        this.props = props;
    }

    /** One day at one location and site. */
    public record Row(LocalDate day, String bcLocation, String pvxSite, int received, int held, int released,
                      int acknowledged, int despatched, int despatchedUnits, int confirmed, int cancelled,
                      int despatchedNotConfirmed) {
    }

    /** A pick despatched in the period that Blue Cherry has not confirmed yet. */
    public record Gap(String pickNum, String ordNum, String bcLocation, String pvxSite, Instant despatchedAt,
                      boolean exceptionOpen) {
    }

    public record Report(LocalDate from, LocalDate to, ZoneId zone, List<Row> rows, Row total, List<Gap> despatchedNotConfirmed) {
    }

    /** The zone whose days the report counts in. */
    public ZoneId zone() {
        return props.reportZone();
    }

    /** The days {@code from} to {@code to}, both included. */
    public Report report(LocalDate from, LocalDate to) {
        ReportDays days = ReportDays.of(from, to, props.reportZone());
        ZoneId zone = days.zone();
        Instant start = days.start();
        Instant end = days.end();
        MapSqlParameterSource p = days.params();
        Map<Key, Counts> byKey = new TreeMap<>();
        List<Gap> gaps = new ArrayList<>();
        jdbc.query("select pick_num, ord_num, bc_location, pvx_site, state, exception_open, received_at, held_at,"
                + " released_at, acknowledged_at, despatched_at, confirmed_at, cancelled_at from order_lifecycle"
                + " where received_at >= :from or held_at >= :from or released_at >= :from or acknowledged_at >= :from"
                + " or despatched_at >= :from or confirmed_at >= :from or cancelled_at >= :from", p, (ResultSet rs) -> {
                    String location = rs.getString("bc_location");
                    String site = rs.getString("pvx_site");
                    Window w = new Window(start, end, zone, byKey, location, site);
                    w.count(rs, "received_at", c -> c.received++);
                    w.count(rs, "held_at", c -> c.held++);
                    w.count(rs, "released_at", c -> c.released++);
                    w.count(rs, "acknowledged_at", c -> c.acknowledged++);
                    w.count(rs, "confirmed_at", c -> c.confirmed++);
                    w.count(rs, "cancelled_at", c -> c.cancelled++);
                    boolean open = "DESPATCHED".equals(rs.getString("state"));
                    Instant despatched = w.count(rs, "despatched_at", c -> {
                        c.despatched++;
                        if (open) {
                            c.despatchedNotConfirmed++;
                        }
                    });
                    if (despatched != null && open && gaps.size() < GAP_LIMIT) {
                        gaps.add(new Gap(rs.getString("pick_num"), rs.getString("ord_num"), location, site, despatched,
                                rs.getBoolean("exception_open")));
                    }
                });
        jdbc.query("select d.units, d.created_at, l.bc_location, l.pvx_site from despatch d left join order_lifecycle l"
                + " on l.pick_num = d.pick_num where d.created_at >= :from and d.created_at < :to", p, (ResultSet rs) -> {
                    Window w = new Window(start, end, zone, byKey, rs.getString("bc_location"), rs.getString("pvx_site"));
                    int units = rs.getInt("units");
                    w.count(rs, "created_at", c -> c.despatchedUnits += units);
                });
        List<Row> rows = byKey.entrySet().stream().map(e -> e.getValue().row(e.getKey())).toList();
        Counts total = new Counts();
        byKey.values().forEach(total::add);
        gaps.sort(Comparator.comparing(Gap::despatchedAt).thenComparing(Gap::pickNum));
        return new Report(from, to, zone, rows, total.row(new Key(null, null, null)), gaps);
    }

    private record Key(LocalDate day, String bcLocation, String pvxSite) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::day, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Key::bcLocation, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Key::pvxSite, Comparator.nullsFirst(Comparator.naturalOrder()));

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** Counts one record's times that fall in the period, each on its own day. */
    private record Window(Instant start, Instant end, ZoneId zone, Map<Key, Counts> byKey, String location, String site) {
        Instant count(ResultSet rs, String column, java.util.function.Consumer<Counts> step) throws SQLException {
            Instant at = Timestamps.read(rs, column);
            if (at == null || at.isBefore(start) || !at.isBefore(end)) {
                return null;
            }
            step.accept(byKey.computeIfAbsent(new Key(LocalDate.ofInstant(at, zone), location, site), k -> new Counts()));
            return at;
        }
    }

    private static final class Counts {
        int received;
        int held;
        int released;
        int acknowledged;
        int despatched;
        int despatchedUnits;
        int confirmed;
        int cancelled;
        int despatchedNotConfirmed;

        void add(Counts o) {
            received += o.received;
            held += o.held;
            released += o.released;
            acknowledged += o.acknowledged;
            despatched += o.despatched;
            despatchedUnits += o.despatchedUnits;
            confirmed += o.confirmed;
            cancelled += o.cancelled;
            despatchedNotConfirmed += o.despatchedNotConfirmed;
        }

        Row row(Key key) {
            return new Row(key.day(), key.bcLocation(), key.pvxSite(), received, held, released, acknowledged, despatched,
                    despatchedUnits, confirmed, cancelled, despatchedNotConfirmed);
        }
    }

    /** The rows as CSV for a spreadsheet: a header, a line per day, location and site, then the totals. */
    public static List<List<String>> csv(Report report) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("day", "bc_location", "pvx_site", "received", "held", "released", "acknowledged", "despatched",
                "despatched_units", "confirmed", "cancelled", "despatched_not_confirmed"));
        for (Row r : report.rows()) {
            lines.add(line(Objects.toString(r.day(), ""), r));
        }
        lines.add(line("total", report.total()));
        return lines;
    }

    private static List<String> line(String day, Row r) {
        return List.of(day, Objects.toString(r.bcLocation(), ""), Objects.toString(r.pvxSite(), ""),
                Integer.toString(r.received()), Integer.toString(r.held()), Integer.toString(r.released()),
                Integer.toString(r.acknowledged()), Integer.toString(r.despatched()), Integer.toString(r.despatchedUnits()),
                Integer.toString(r.confirmed()), Integer.toString(r.cancelled()), Integer.toString(r.despatchedNotConfirmed()));
    }
}
