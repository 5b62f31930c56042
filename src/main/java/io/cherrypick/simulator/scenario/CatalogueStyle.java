package io.cherrypick.simulator.scenario;

import java.math.BigDecimal;
import java.util.List;

/**
 * One style of the demo catalogue with its style-detail attributes and its SKUs (colours x sizes).
 * {@code groupCodes} holds Blue Cherry's eight classification slots group_code1..8 in order.
 */
public record CatalogueStyle(
        String style,
        String styleName,
        String styleDesc,
        List<String> groupCodes,
        String division,
        String season,
        String thirdPartyItem,
        BigDecimal stdCost,
        BigDecimal garWgt,
        String catgDest1,
        String catgDest2,
        List<CatalogueSku> skus) {

    public CatalogueStyle {
        if (groupCodes.size() != 8) {
            throw new IllegalArgumentException("style " + style + ": groupCodes must hold 8 entries, has " + groupCodes.size());
        }
        groupCodes = List.copyOf(groupCodes);
        skus = List.copyOf(skus);
    }
}
