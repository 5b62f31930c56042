package io.cherrypick.flow.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.bluecherry.model.Style;
import io.cherrypick.bluecherry.model.StyleSku;
import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.catalog.ItemProperties;
import io.cherrypick.mapping.ConversionProperties.VolumeUnit;
import io.cherrypick.mapping.ConversionProperties.WeightUnit;
import io.cherrypick.mapping.ConversionProperties;
import io.cherrypick.mapping.Conversions;
import io.cherrypick.mapping.Mappings;

/** routes/mappings/item.yaml applied to the SKUs of a style (source style-sku), and the fingerprint of a mapped row. */
class ItemMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Mappings mappings(Path dir, ItemProperties.CodeStrategy strategy) {
        return new Mappings(dir, new MockEnvironment(), List.of(new StyleSkuSource(new ItemCodes(new ItemProperties(strategy, "-")))),
                (kind, value) -> null);
    }

    private static Map<String, String> map(Mappings mappings, StyleSku sku) {
        return mappings.map("item", sku, Map.of()).row("item");
    }

    private static Map<String, String> map(StyleSku sku) {
        return map(mappings(Path.of("routes", "mappings"), null), sku);
    }

    static List<StyleSku> skus(Map<String, Object> style) {
        return Style.of(JSON.valueToTree(style)).getSkus();
    }

    /** Blue Cherry's garment weight in pounds becomes Peoplevox's kilograms (cherrypick.conversion's units). */
    @Test
    void theWeightIsConvertedFromBlueCherrysUnitToPeoplevoxs() {
        Conversions poundsToKilograms = new Conversions(
                new ConversionProperties.System(ZoneOffset.UTC,
                        WeightUnit.KG, VolumeUnit.M3),
                new ConversionProperties.System(ZoneOffset.UTC,
                        WeightUnit.LB, VolumeUnit.CF));
        Mappings converting = new Mappings(Path.of("routes", "mappings"), new MockEnvironment(),
                List.of(new StyleSkuSource(new ItemCodes(new ItemProperties(null, "-")))), (kind, value) -> null,
                poundsToKilograms);
        StyleSku sku = skus(Styles.style("01234", 1, List.of("BLK"), List.of("M"))).get(0);
        assertThat(map(converting, sku)).as("0.45 lb").containsEntry("Weight", "0.204");
    }

    @Test
    void theDefaultMappingMakesAnItemTypeRowPerSku() {
        List<StyleSku> skus = skus(Styles.style("01234", 1, List.of("BLK", "RED"), List.of("S", "M", "L")));
        assertThat(skus).hasSize(6);

        Map<String, String> row = map(skus.get(1));
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
        Map<String, String> row = map(mappings(Path.of("routes", "mappings"), ItemProperties.CodeStrategy.COMPOSITE),
                skus(Styles.style("01234", 1, List.of("BLK"), List.of("M"))).get(0));
        assertThat(row).containsEntry("ItemCode", "01234-BLK-M").containsEntry("Barcode", Styles.upc(1, 1));
    }

    @Test
    void aSizeRowPriceWinsOverTheDetailRowAndEqualPricesFingerprintEqually() {
        Map<String, Object> style = Styles.style("01234", 1, List.of("BLK"), List.of("S", "M"));
        Styles.skus(style).get(0).put("retail_price", 20.0);
        Styles.skus(style).get(1).put("retail_price", "20.00");
        List<StyleSku> skus = skus(style);
        assertThat(map(skus.get(0))).containsEntry("RetailPrice", "20");
        assertThat(map(skus.get(1))).containsEntry("RetailPrice", "20.00");

        Map<String, String> a = map(skus.get(0));
        assertThat(SentItems.fingerprint(a)).hasSize(64).isEqualTo(SentItems.fingerprint(map(skus(style).get(0))));
        Styles.skus(style).get(0).put("retail_price", 21.5);
        assertThat(SentItems.fingerprint(map(skus(style).get(0)))).isNotEqualTo(SentItems.fingerprint(a));
    }

    @Test
    void theMappingComesFromTheMappingFile() throws Exception {
        Files.writeString(dir.resolve("item.yaml"), """
                source: style-sku
                parts:
                  item:
                    absent: omit
                    fields:
                      ItemCode: item_code
                      Name: "{style_name:5} {size_desc}"
                      UnitOfMeasure: "'EA'"
                      Attribute9: detail.catg_dest1
                      Attribute10: size.retail_price
                """);
        Map<String, String> row = map(mappings(dir, null), skus(Styles.style("01234", 1, List.of("BLK"), List.of("M"))).get(0));
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
