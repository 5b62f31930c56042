package io.cherrypick.ops;

import java.sql.ResultSet;
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
 * Inbound reconciliation for finance, beside the orders one ({@link OrderReconciliation}): units the warehouse booked in
 * (received in Peoplevox) against the units posted to Blue Cherry as production receipts, which finance matches supplier
 * invoices to. Per day (in {@code cherrypick.ops.report-zone}) and Peoplevox site: units on purchase orders Blue Cherry
 * raised that day, units received, units posted; per purchase order: units ordered, received and posted in the period
 * and the received units not posted (held for a person or on their way); and the totals. A goods-in line counts as
 * received on the day it was booked in and as posted on the day Blue Cherry took it.
 */
@Service
public class InboundReconciliation {
    private final NamedParameterJdbcTemplate jdbc;
    private final OpsProperties props;

    public InboundReconciliation(NamedParameterJdbcTemplate jdbc, OpsProperties props) {
        this.jdbc = jdbc;
        this.props = props;
    }

    /** One day at one Peoplevox site, in units. */
    public record Row(LocalDate day, String pvxSite, int ordered, int received, int posted) {
    }

    /** One purchase order with goods-in in the period, in units; {@code receivedNotPosted}: of those received. */
    public record PurchaseOrderRow(String prodNum, String supplier, String pvxSite, String state, int ordered,
                                   int received, int posted, int receivedNotPosted) {
    }

    public record Report(LocalDate from, LocalDate to, ZoneId zone, List<Row> rows, Row total,
                         List<PurchaseOrderRow> purchaseOrders, PurchaseOrderRow purchaseOrderTotal) {
    }

    /** The zone whose days the report counts in. */
    public ZoneId zone() {
        return props.reportZone();
    }

    /** The days {@code from} to {@code to}, both included. */
    public Report report(LocalDate from, LocalDate to) {
        ReportDays days = ReportDays.of(from, to, props.reportZone());
        ZoneId zone = days.zone();
        MapSqlParameterSource p = days.params();
        Map<String, int[]> byDay = new TreeMap<>();
        Map<String, PurchaseOrderRow> byPo = new TreeMap<>();
        jdbc.query("select po.site, po.created_at, (select coalesce(sum(l.ordered), 0) from purchase_order_line l"
                + " where l.prod_num = po.prod_num) as units from purchase_order po where po.created_at >= :from"
                + " and po.created_at < :to", p, (ResultSet rs) -> {
                    Instant at = Timestamps.read(rs, "created_at");
                    cell(byDay, at, zone, rs.getString("site"))[0] += rs.getInt("units");
                });
        jdbc.query("select g.prod_num, g.site, g.quantity, g.state, g.received_at, g.posted_at, po.supplier, po.state as"
                + " po_state, (select coalesce(sum(l.ordered), 0) from purchase_order_line l where l.prod_num = g.prod_num)"
                + " as po_units from goods_receipt g left join purchase_order po on po.prod_num = g.prod_num"
                + " where (g.received_at >= :from and g.received_at < :to) or (g.posted_at >= :from and g.posted_at < :to)",
                p, (ResultSet rs) -> {
                    String site = rs.getString("site");
                    int units = rs.getInt("quantity");
                    Instant received = days.inside(Timestamps.read(rs, "received_at"));
                    Instant posted = days.inside(Timestamps.read(rs, "posted_at"));
                    if (received != null) {
                        cell(byDay, received, zone, site)[1] += units;
                    }
                    if (posted != null) {
                        cell(byDay, posted, zone, site)[2] += units;
                    }
                    String po = rs.getString("prod_num");
                    String key = po == null ? "" : po;
                    PurchaseOrderRow was = byPo.getOrDefault(key, new PurchaseOrderRow(po, rs.getString("supplier"), site,
                            rs.getString("po_state"), rs.getInt("po_units"), 0, 0, 0));
                    boolean notPosted = received != null && !"POSTED".equals(rs.getString("state"));
                    byPo.put(key, new PurchaseOrderRow(was.prodNum(), was.supplier(), was.pvxSite(), was.state(),
                            was.ordered(), was.received() + (received == null ? 0 : units),
                            was.posted() + (posted == null ? 0 : units), was.receivedNotPosted() + (notPosted ? units : 0)));
                });
        List<Row> rows = new ArrayList<>();
        int[] total = new int[3];
        byDay.forEach((key, c) -> {
            int cut = key.indexOf('|');
            rows.add(new Row(LocalDate.parse(key.substring(0, cut)), blankToNull(key.substring(cut + 1)), c[0], c[1], c[2]));
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        });
        List<PurchaseOrderRow> pos = new ArrayList<>(byPo.values());
        pos.sort(Comparator.comparing(PurchaseOrderRow::prodNum, Comparator.nullsFirst(Comparator.naturalOrder())));
        PurchaseOrderRow poTotal = new PurchaseOrderRow(null, null, null, null,
                pos.stream().mapToInt(PurchaseOrderRow::ordered).sum(), pos.stream().mapToInt(PurchaseOrderRow::received).sum(),
                pos.stream().mapToInt(PurchaseOrderRow::posted).sum(),
                pos.stream().mapToInt(PurchaseOrderRow::receivedNotPosted).sum());
        return new Report(from, to, zone, rows, new Row(null, null, total[0], total[1], total[2]), pos, poTotal);
    }

    /** The counters (ordered, received, posted) of the day and site; the key sorts by day, then site. */
    private static int[] cell(Map<String, int[]> byDay, Instant at, ZoneId zone, String site) {
        return byDay.computeIfAbsent(LocalDate.ofInstant(at, zone) + "|" + Objects.toString(site, ""), k -> new int[3]);
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /** The days and sites as CSV for a spreadsheet: a header, a line per day and site, then the totals. */
    public static List<List<String>> csvByDay(Report report) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("day", "pvx_site", "ordered_units", "received_units", "posted_units"));
        report.rows().forEach(r -> lines.add(List.of(r.day().toString(), Objects.toString(r.pvxSite(), ""),
                Integer.toString(r.ordered()), Integer.toString(r.received()), Integer.toString(r.posted()))));
        Row t = report.total();
        lines.add(List.of("total", "", Integer.toString(t.ordered()), Integer.toString(t.received()),
                Integer.toString(t.posted())));
        return lines;
    }

    /** The purchase orders as CSV: a header, a line per purchase order (goods-in with none: "(none)"), the totals. */
    public static List<List<String>> csvByPurchaseOrder(Report report) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("purchase_order", "supplier", "pvx_site", "state", "ordered_units", "received_units",
                "posted_units", "received_not_posted"));
        report.purchaseOrders().forEach(r -> lines.add(line(r.prodNum() == null ? "(none)" : r.prodNum(), r)));
        lines.add(line("total", report.purchaseOrderTotal()));
        return lines;
    }

    private static List<String> line(String first, PurchaseOrderRow r) {
        return List.of(first, Objects.toString(r.supplier(), ""), Objects.toString(r.pvxSite(), ""),
                Objects.toString(r.state(), ""), Integer.toString(r.ordered()), Integer.toString(r.received()),
                Integer.toString(r.posted()), Integer.toString(r.receivedNotPosted()));
    }
}
