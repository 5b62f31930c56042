package io.cherrypick.flow.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.catalog.ItemProperties;

class ItemMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ItemFlowProperties defaults() {
        return new ItemFlowProperties(false, null, 0, 0, 0, null, null, null, null, null, null, null, null);
    }

    static ItemFlowProperties withFields(Map<String, String> fields) {
        return new ItemFlowProperties(false, null, 0, 0, 0, null, null, null, fields, null, null, null, null);
    }

    private static List<StyleSku> skus(Map<String, Object> style) {
        JsonNode node = JSON.valueToTree(style);
        return StyleSku.expand(node);
    }

    @Test
    void theDefaultMappingMakesAnItemTypeRowPerSku() {
        ItemMapper mapper = new ItemMapper(new ItemCodes(new ItemProperties(null, null)), defaults());
        List<StyleSku> skus = skus(Styles.style("01234", 1, List.of("BLK", "RED"), List.of("S", "M", "L")));
        assertThat(skus).hasSize(6);

        Map<String, String> row = mapper.map(skus.get(1));
        assertThat(row).containsEntry("ItemCode", Styles.upc(1, 2)).containsEntry("Barcode", Styles.upc(1, 2))
                .containsEntry("Name", "Tee 01234 BLK M").containsEntry("Description", "Crew neck tee 01234")
                .containsEntry("ItemGroup", "01").containsEntry("BuyPrice", "9.75").containsEntry("Weight", "0.45")
                .containsEntry("Attribute1", "01234").containsEntry("Attribute2", "BLK").containsEntry("Attribute3", "M")
                .containsEntry("Attribute4", "SP25").containsEntry("Attribute5", "01")
                .containsEntry("DefaultSuppliersPartNumber", "VND-01234");
        assertThat(row).as("Blue Cherry carries no retail price here: the column is left out")
                .doesNotContainKeys("RetailPrice", "WholesalePrice");
        assertThat(row.keySet()).startsWith("ItemCode", "Name", "Barcode");
    }

    @Test
    void aCompositeStrategyBuildsTheItemCodeFromTheSkuTuple() {
        ItemMapper mapper = new ItemMapper(new ItemCodes(new ItemProperties(ItemProperties.CodeStrategy.COMPOSITE, "-")), defaults());
        Map<String, String> row = mapper.map(skus(Styles.style("01234", 1, List.of("BLK"), List.of("M"))).get(0));
        assertThat(row).containsEntry("ItemCode", "01234-BLK-M").containsEntry("Barcode", Styles.upc(1, 1));
    }

    @Test
    void aSizeRowPriceWinsOverTheDetailRowAndEqualPricesFingerprintEqually() {
        ItemMapper mapper = new ItemMapper(new ItemCodes(new ItemProperties(null, null)), defaults());
        Map<String, Object> style = Styles.style("01234", 1, List.of("BLK"), List.of("S", "M"));
        Styles.skus(style).get(0).put("retail_price", 20.0);
        Styles.skus(style).get(1).put("retail_price", "20.00");
        List<StyleSku> skus = skus(style);
        assertThat(mapper.map(skus.get(0))).containsEntry("RetailPrice", "20");
        assertThat(mapper.map(skus.get(1))).containsEntry("RetailPrice", "20.00");

        Map<String, String> a = mapper.map(skus.get(0));
        assertThat(ItemMapper.fingerprint(a)).hasSize(64).isEqualTo(ItemMapper.fingerprint(mapper.map(skus(style).get(0))));
        Styles.skus(style).get(0).put("retail_price", 21.5);
        assertThat(ItemMapper.fingerprint(mapper.map(skus(style).get(0)))).isNotEqualTo(ItemMapper.fingerprint(a));
    }

    @Test
    void theMappingComesFromConfiguration() {
        ItemMapper mapper = new ItemMapper(new ItemCodes(new ItemProperties(null, null)), withFields(new java.util.LinkedHashMap<>(Map.of(
                "ItemCode", "item_code", "Name", "{style_name:5} {size_desc}", "UnitOfMeasure", "'EA'", "Attribute9", "detail.catg_dest1"))));
        Map<String, String> row = mapper.map(skus(Styles.style("01234", 1, List.of("BLK"), List.of("M"))).get(0));
        assertThat(row).containsOnlyKeys("ItemCode", "Name", "UnitOfMeasure", "Attribute9")
                .containsEntry("Name", "Tee 0 M").containsEntry("UnitOfMeasure", "EA").containsEntry("Attribute9", "WEB");
    }

    @Test
    void aRepeatedSizeRowCountsOnce() {
        Map<String, Object> style = Styles.style("01234", 1, List.of("BLK"), List.of("S"));
        Styles.skus(style).add(Styles.sku("BLK", "S", Styles.upc(1, 1)));
        assertThat(skus(style)).hasSize(1);
    }
}
