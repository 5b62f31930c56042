package io.cherrypick.setup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

import io.cherrypick.setup.AuditReport.StockSummary;
import io.cherrypick.setup.AuditReport.StockVariance;

/**
 * The report as one HTML page that prints well (A4, no script, nothing fetched from elsewhere): the summary table of
 * every check, the stock variances as an inline SVG chart, then each check that did not pass with its examples and
 * its fix. Every text from the systems is escaped.
 */
final class HtmlReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String STYLE = """
            @page { size: A4; margin: 14mm; }
            body { font: 12px/1.45 system-ui, sans-serif; color: #1d2330; margin: 1.5em; }
            h1 { font-size: 20px; margin: 0 0 .2em; } h2 { font-size: 15px; margin: 1.4em 0 .4em; }
            h3 { font-size: 13px; margin: 1em 0 .2em; }
            table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #ccd; padding: .25em .5em;
            text-align: left; vertical-align: top; } th { background: #eef0f4; } td.num { text-align: right; }
            .verdict { font-weight: 700; } .verdict.PASS { color: #13652a; } .verdict.WARN { color: #8a5a00; }
            .verdict.FAIL, .error { color: #a01020; }
            .meta, .muted { color: #556; } ul { margin: .2em 0 .4em 1.2em; padding: 0; } li { margin: .1em 0; }
            .check { page-break-inside: avoid; border-left: 4px solid #ccd; padding-left: .6em; margin: .8em 0; }
            .check.v-FAIL { border-color: #a01020; } .check.v-WARN { border-color: #c98a00; }
            svg text { font: 11px system-ui, sans-serif; fill: #1d2330; }
            @media print { body { margin: 0; } tr { page-break-inside: avoid; } }
            """;

    private HtmlReport() {
    }

    static String render(AuditReport r) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Cherrypick setup audit ")
                .append(e(time(r.startedAt()))).append("</title><style>").append(STYLE).append("</style></head><body>");
        h.append("<h1>Cherrypick setup audit</h1><p class=\"meta\">Verdict <span class=\"verdict ")
                .append(r.verdict() == null ? "" : r.verdict().name()).append("\">")
                .append(r.verdict() == null ? "none yet" : r.verdict().name()).append("</span> · ")
                .append(r.counts().fail()).append(" failed, ").append(r.counts().warn()).append(" warned, ")
                .append(r.counts().pass()).append(" passed · started ").append(e(time(r.startedAt()))).append(" by ")
                .append(e(r.startedBy())).append(r.finishedAt() == null ? " · " + e(r.status()) : " · finished "
                        + e(time(r.finishedAt()))).append(" · ").append(r.peoplevoxCalls()).append(" Peoplevox calls (")
                .append(r.paced() ? "paced" : "not paced").append("), ").append(r.blueCherryCalls())
                .append(" Blue Cherry calls</p>");
        if (r.error() != null) {
            h.append("<p class=\"error\">").append(e(r.error())).append("</p>");
        }
        summary(h, r.checks());
        stock(h, r.stock());
        h.append("<h2>What to fix</h2>");
        boolean any = false;
        for (CheckResult c : r.checks()) {
            if (c.verdict() == Verdict.PASS) {
                continue;
            }
            any = true;
            h.append("<div class=\"check v-").append(c.verdict().name()).append("\"><h3><span class=\"verdict ")
                    .append(c.verdict().name()).append("\">").append(c.verdict().name()).append("</span> ")
                    .append(e(c.section().title())).append(": ").append(e(c.title())).append("</h3><p>")
                    .append(c.found()).append(" found of ").append(c.checked()).append(" checked</p><ul>");
            c.examples().forEach(x -> h.append("<li>").append(e(x)).append("</li>"));
            if (c.found() > c.examples().size()) {
                h.append("<li class=\"muted\">and ").append(c.found() - c.examples().size()).append(" more</li>");
            }
            h.append("</ul><p><strong>Fix:</strong> ").append(e(c.fix())).append("</p><p class=\"muted\">Read: ")
                    .append(e(c.reads())).append("</p></div>");
        }
        if (!any) {
            h.append("<p>Nothing: every check passed.</p>");
        }
        return h.append("<p class=\"muted\">Report ").append(e(r.id())).append("</p></body></html>").toString();
    }

    private static void summary(StringBuilder h, List<CheckResult> checks) {
        h.append("<h2>Summary</h2><table><thead><tr><th>Section</th><th>Check</th><th>Verdict</th><th>Found</th>"
                + "<th>Checked</th></tr></thead><tbody>");
        for (CheckResult c : checks) {
            h.append("<tr><td>").append(e(c.section().title())).append("</td><td>").append(e(c.title()))
                    .append("</td><td class=\"verdict ").append(c.verdict().name()).append("\">").append(c.verdict().name())
                    .append("</td><td class=\"num\">").append(c.found()).append("</td><td class=\"num\">").append(c.checked())
                    .append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    /** The largest variances as horizontal bars from a middle axis: Peoplevox has more to the right, less to the left. */
    private static void stock(StringBuilder h, StockSummary stock) {
        h.append("<h2>Stock variances</h2>");
        if (stock == null) {
            h.append("<p class=\"muted\">Stock was not compared.</p>");
            return;
        }
        h.append("<p>").append(stock.withVariance()).append(" of ").append(stock.pairs())
                .append(" SKU and site pairs differ: ").append(stock.units()).append(" units")
                .append(stock.value() == null || stock.value().signum() == 0 ? "" : ", value " + money(stock.value()))
                .append(" (Peoplevox on hand minus Blue Cherry on hand).</p>");
        List<StockVariance> bars = stock.largest();
        if (bars.isEmpty()) {
            return;
        }
        int label = 230;
        int half = 220;
        int row = 20;
        int width = label + 2 * half + 60;
        int height = bars.size() * row + 24;
        long max = bars.stream().mapToLong(v -> Math.abs(v.variance())).max().orElse(1);
        int axis = label + half;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"largest stock variances\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\">");
        h.append("<line x1=\"").append(axis).append("\" y1=\"0\" x2=\"").append(axis).append("\" y2=\"")
                .append(height - 20).append("\" stroke=\"#556\"/>");
        for (int i = 0; i < bars.size(); i++) {
            StockVariance v = bars.get(i);
            int y = i * row + 2;
            int length = (int) Math.max(1, Math.round(half * Math.abs(v.variance()) / (double) max));
            int x = v.variance() >= 0 ? axis : axis - length;
            h.append("<text x=\"0\" y=\"").append(y + 13).append("\">").append(e(clip(v.itemCode() + " @ " + v.site(), 34)))
                    .append("</text><rect x=\"").append(x).append("\" y=\"").append(y + 2).append("\" width=\"")
                    .append(length).append("\" height=\"").append(row - 6).append("\" fill=\"")
                    .append(v.variance() >= 0 ? "#3b6fd8" : "#d8553b").append("\"/><text x=\"")
                    .append(v.variance() >= 0 ? x + length + 4 : x - 4).append("\" y=\"").append(y + 13).append('"')
                    .append(v.variance() >= 0 ? "" : " text-anchor=\"end\"").append('>')
                    .append(v.variance() > 0 ? "+" : "").append(v.variance()).append("</text>");
        }
        h.append("<text x=\"").append(axis - 6).append("\" y=\"").append(height - 4)
                .append("\" text-anchor=\"end\">Blue Cherry has more</text><text x=\"").append(axis + 6).append("\" y=\"")
                .append(height - 4).append("\">Peoplevox has more</text></svg>");
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String money(BigDecimal value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
