package io.cherrypick.ops.search;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.cherrypick.ops.words.PlainWords;

/**
 * What the search box finds of the inbound flow: purchase orders by their number (Blue Cherry's prod_num, which is also
 * the Peoplevox PurchaseOrderNumber), and deliveries by their goods-in reference, leading to their purchase order.
 */
@Configuration
public class PurchaseOrderSearches {
    private static final String PREFIX = " like :pattern escape '\\'";

    @Bean
    @Order(6)
    SearchSource purchaseOrderSearch(NamedParameterJdbcTemplate jdbc) {
        return (text, pattern, limit) -> jdbc.query("select prod_num, supplier, site, state from purchase_order where"
                + " upper(prod_num)" + PREFIX + " order by prod_num limit :limit", Map.of("pattern", pattern, "limit", limit),
                (rs, i) -> {
                    String po = rs.getString("prod_num");
                    String supplier = rs.getString("supplier");
                    String site = rs.getString("site");
                    return new SearchSource.Hit("purchase order", po, "Purchase order " + po
                            + (supplier == null ? "" : " from " + supplier), PlainWords.plain(PlainWords.PURCHASE_ORDER_STATE,
                            rs.getString("state")) + (site == null ? "" : " · " + site),
                            "#/purchase-orders/" + StoreSearches.encode(po));
                });
    }

    @Bean
    @Order(7)
    SearchSource deliverySearch(NamedParameterJdbcTemplate jdbc) {
        return (text, pattern, limit) -> jdbc.query("select reference, prod_num, count(*) as items, sum(quantity) as units"
                + " from goods_receipt where upper(reference)" + PREFIX + " group by reference, prod_num"
                + " order by reference limit :limit", Map.of("pattern", pattern, "limit", limit), (rs, i) -> {
                    String reference = rs.getString("reference");
                    String po = rs.getString("prod_num");
                    return new SearchSource.Hit("delivery", reference, "Delivery " + reference
                            + (po == null ? " (no purchase order)" : " against purchase order " + po),
                            rs.getInt("units") + " units of " + rs.getInt("items") + " items",
                            po == null ? "#/exceptions?flow=goods-receipt" : "#/purchase-orders/" + StoreSearches.encode(po));
                });
    }
}
