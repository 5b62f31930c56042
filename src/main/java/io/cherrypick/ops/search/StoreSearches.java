package io.cherrypick.ops.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.cherrypick.ops.words.PlainWords;

/**
 * What the search box finds in Cherrypick's own tables: picks and orders (by pick, order or customer PO number),
 * despatches, return authorisations and received returns, and exceptions by their record (an SKU, say).
 */
@Configuration
public class StoreSearches {
    private static final String PREFIX = " like :pattern escape '\\'";

    @Bean
    @Order(1)
    SearchSource orderSearch(NamedParameterJdbcTemplate jdbc) {
        return (text, pattern, limit) -> jdbc.query("select pick_num, ord_num, po_num, customer, state from order_lifecycle"
                + " where upper(pick_num)" + PREFIX + " or upper(ord_num)" + PREFIX + " or upper(po_num)" + PREFIX
                + " order by pick_num limit :limit", Map.of("pattern", pattern, "limit", limit), (rs, i) -> {
                    String pick = rs.getString("pick_num");
                    String ord = rs.getString("ord_num");
                    String po = rs.getString("po_num");
                    String key = matches(text, ord) ? ord : matches(text, po) ? po : pick;
                    return new SearchSource.Hit("order", key, "Pick " + pick + (ord == null ? "" : " (order " + ord + ")")
                            + (po == null ? "" : ", customer PO " + po), PlainWords.plain(PlainWords.ORDER_STATE,
                            rs.getString("state")) + (rs.getString("customer") == null ? "" : " · " + rs.getString("customer")),
                            "#/orders/" + encode(pick));
                });
    }

    @Bean
    @Order(2)
    SearchSource despatchSearch(NamedParameterJdbcTemplate jdbc) {
        return (text, pattern, limit) -> jdbc.query("select despatch_number, pick_num, units from despatch where"
                + " upper(despatch_number)" + PREFIX + " order by despatch_number limit :limit",
                Map.of("pattern", pattern, "limit", limit), (rs, i) -> new SearchSource.Hit("despatch",
                        rs.getString("despatch_number"), "Despatch " + rs.getString("despatch_number") + " of pick "
                        + rs.getString("pick_num"), rs.getInt("units") + " units", "#/orders/" + encode(rs.getString("pick_num"))));
    }

    @Bean
    @Order(3)
    SearchSource returnSearch(NamedParameterJdbcTemplate jdbc) {
        return (text, pattern, limit) -> jdbc.query("select ra_num, ord_num, pick_num, state from return_authorisation where"
                + " upper(ra_num)" + PREFIX + " or upper(ord_num)" + PREFIX + " or upper(pick_num)" + PREFIX
                + " order by ra_num limit :limit", Map.of("pattern", pattern, "limit", limit), (rs, i) ->
                new SearchSource.Hit("return", rs.getString("ra_num"), "Return " + rs.getString("ra_num")
                        + (rs.getString("ord_num") == null ? "" : " (order " + rs.getString("ord_num") + ")"),
                        PlainWords.plain(PlainWords.RETURN_STATE, rs.getString("state")), "#/returns/" + encode(rs.getString("ra_num"))));
    }

    @Bean
    @Order(4)
    SearchSource receivedReturnSearch(NamedParameterJdbcTemplate jdbc) {
        return (text, pattern, limit) -> jdbc.query("select return_code, item_code, quantity, rma_number, state from"
                + " return_receipt where upper(return_code)" + PREFIX + " order by return_code, item_code limit :limit",
                Map.of("pattern", pattern, "limit", limit), (rs, i) -> {
                    String ra = rs.getString("rma_number");
                    String code = rs.getString("return_code");
                    return new SearchSource.Hit("received return", code, "Return " + code + " received: "
                            + rs.getInt("quantity") + " x " + rs.getString("item_code"), PlainWords.plain(
                            PlainWords.RECEIPT_STATE, rs.getString("state")) + (ra == null ? "" : " · RA " + ra),
                            ra == null ? "#/lists/return-receipts" : "#/returns/" + encode(ra));
                });
    }

    /** Exceptions by their record's exact key: an SKU, a style, a schedule. One hit per flow and key. */
    @Bean
    @Order(5)
    SearchSource exceptionSearch(NamedParameterJdbcTemplate jdbc) {
        return (text, pattern, limit) -> jdbc.query("select flow, business_key, count(*) as n, sum(case when status = 'OPEN'"
                + " then 1 else 0 end) as open from integration_exception where upper(business_key) = :key"
                + " group by flow, business_key order by flow limit :limit",
                Map.of("key", text.toUpperCase(Locale.ROOT), "limit", limit), (rs, i) -> {
                    String key = rs.getString("business_key");
                    String flow = rs.getString("flow");
                    return new SearchSource.Hit("exceptions", key, "Exceptions of " + key + " in "
                            + PlainWords.plain(PlainWords.FLOW, flow), rs.getInt("n") + " in all, " + rs.getInt("open")
                            + " open", "#/exceptions?flow=" + encode(flow) + "&key=" + encode(key));
                });
    }

    /** A value as one part of a console address (a path segment or a query value). */
    public static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean matches(String text, String value) {
        return value != null && value.toUpperCase(Locale.ROOT).startsWith(text.toUpperCase(Locale.ROOT));
    }
}
