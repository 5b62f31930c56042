package io.cherrypick.simulator.scenario;

import io.cherrypick.gs1.Gs1;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueGeneratorTest {

    private static final List<String> LETTER_SIZES = List.of("XS", "S", "M", "L", "XL");

    private final Catalogue catalogue = CatalogueGenerator.generate(40, new SplittableRandom(42));

    @Test
    void hasFortyStylesWithThreeOrFourColours() {
        assertThat(catalogue.styles()).hasSize(40);
        for (CatalogueStyle style : catalogue.styles()) {
            Set<String> colours = style.skus().stream().map(CatalogueSku::colorCode).collect(Collectors.toSet());
            assertThat(colours).as("colours of %s", style.styleName()).hasSizeBetween(3, 4);
        }
    }

    @Test
    void sizesAreLettersOrNumericWaistsWithInseamDimensionsForJeans() {
        boolean sawLetters = false;
        boolean sawWaists = false;
        boolean sawDimensions = false;
        for (CatalogueStyle style : catalogue.styles()) {
            Set<String> sizes = style.skus().stream().map(CatalogueSku::sizeDesc).collect(Collectors.toSet());
            if (sizes.equals(Set.copyOf(LETTER_SIZES))) {
                sawLetters = true;
            } else {
                assertThat(sizes).as("sizes of %s", style.styleName()).hasSize(5).allMatch(s -> s.matches("\\d{2}"));
                sawWaists = true;
            }
            Set<String> dimensions = style.skus().stream().map(CatalogueSku::dimension).collect(Collectors.toSet());
            if (!dimensions.equals(Set.of(""))) {
                assertThat(style.styleName()).contains("Jeans");
                assertThat(dimensions).hasSize(2).allMatch(d -> d.matches("3[024]"));
                sawDimensions = true;
            }
        }
        assertThat(sawLetters).isTrue();
        assertThat(sawWaists).isTrue();
        assertThat(sawDimensions).isTrue();
    }

    @Test
    void someStylesCarryALabelCode() {
        Set<String> labels = catalogue.skus().stream().map(CatalogueSku::lblCode).collect(Collectors.toSet());
        assertThat(labels).contains("").anyMatch(l -> l.equals("ECO") || l.equals("PRM"));
    }

    @Test
    void everySkuHasAValidUniqueUpcAndMatchingEan() {
        Set<String> upcs = new HashSet<>();
        for (CatalogueSku sku : catalogue.skus()) {
            assertThat(Gs1.isValidUpcA(sku.upc())).as("UPC %s", sku.upc()).isTrue();
            assertThat(sku.upc()).startsWith(CatalogueGenerator.UPC_PREFIX);
            assertThat(sku.ean()).isEqualTo("0" + sku.upc());
            assertThat(Gs1.isValidEan13(sku.ean())).isTrue();
            assertThat(upcs.add(sku.upc())).as("UPC %s is unique", sku.upc()).isTrue();
        }
        assertThat(upcs).hasSizeGreaterThan(40 * 3 * 5 - 1);
    }

    @Test
    void skuTuplesAreUnique() {
        Set<String> tuples = catalogue.skus().stream()
                .map(s -> String.join("|", s.style(), s.colorCode(), s.lblCode(), s.dimension(), s.sizeDesc()))
                .collect(Collectors.toSet());
        assertThat(tuples).hasSameSizeAs(catalogue.skus());
    }

    @Test
    void peoplevoxNamesFitFiftyCharactersAndNameColourAndSize() {
        for (CatalogueSku sku : catalogue.skus()) {
            String name = sku.peoplevoxName();
            assertThat(name.length()).as(name).isLessThanOrEqualTo(50);
            assertThat(name).contains(sku.colorName()).endsWith(sku.dimension().isEmpty()
                    ? " " + sku.sizeDesc() : " " + sku.sizeDesc() + "x" + sku.dimension());
        }
    }

    @Test
    void longStyleNamesAreShortenedNotTheColourOrSize() {
        CatalogueSku sku = new CatalogueSku("01001", "Extremely Long Heavyweight Organic Brushed Cotton Flannel Shirt",
                "01", "NVY", "Navy", "", "32", "34", "084521000017", "0084521000017", BigDecimal.ONE, BigDecimal.ONE);
        String name = sku.peoplevoxName();
        assertThat(name).hasSizeLessThanOrEqualTo(50).startsWith("Extremely Long").endsWith(" Navy 34x32");
    }

    @Test
    void stylesHaveRealisticNamesAndCompleteAttributes() {
        Set<String> names = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (CatalogueStyle style : catalogue.styles()) {
            assertThat(names.add(style.styleName())).as("unique name %s", style.styleName()).isTrue();
            assertThat(codes.add(style.style())).isTrue();
            assertThat(style.style()).matches("\\d{5}");
            assertThat(style.styleName()).matches("[A-Z][A-Za-z -]+");
            assertThat(style.styleDesc()).isNotBlank();
            assertThat(style.groupCodes()).hasSize(8).doesNotContainNull();
            assertThat(style.groupCodes().get(2)).isEqualTo("NORTHBAY");
            assertThat(style.groupCodes().get(6)).isIn("MENS", "WOMENS", "UNISEX");
            assertThat(style.division()).isIn("01", "02", "03");
            assertThat(style.season()).isIn("SP26", "FA26", "CORE");
            assertThat(style.stdCost()).isPositive();
            assertThat(style.garWgt()).isPositive();
            assertThat(style.thirdPartyItem()).startsWith("VND-");
            for (CatalogueSku sku : style.skus()) {
                assertThat(sku.price()).isGreaterThan(style.stdCost());
                assertThat(sku.division()).isEqualTo(style.division());
            }
        }
        assertThat(names).contains("Classic Tee", "Slim Chino");
    }

    @Test
    void sameSeedGivesTheSameCatalogueAndAnotherSeedADifferentOne() {
        Catalogue again = CatalogueGenerator.generate(40, new SplittableRandom(42));
        Catalogue other = CatalogueGenerator.generate(40, new SplittableRandom(43));
        assertThat(again.skus()).isEqualTo(catalogue.skus());
        assertThat(again.styles()).isEqualTo(catalogue.styles());
        assertThat(other.skus().stream().map(CatalogueSku::upc).toList())
                .isNotEqualTo(catalogue.skus().stream().map(CatalogueSku::upc).toList());
    }

    @Test
    void largeCataloguesStayUniqueWithModifiedNames() {
        Catalogue large = CatalogueGenerator.generate(150, new SplittableRandom(7));
        assertThat(large.styles().stream().map(CatalogueStyle::styleName).distinct()).hasSize(150);
        assertThat(large.skus().stream().map(CatalogueSku::upc).distinct()).hasSameSizeAs(large.skus());
        Map<String, Long> labelled = large.styles().stream()
                .filter(s -> s.styleName().startsWith("Organic ") || s.styleName().startsWith("Recycled "))
                .collect(Collectors.groupingBy(s -> s.skus().get(0).lblCode(), Collectors.counting()));
        assertThat(labelled).containsOnlyKeys("ECO");
    }

    @Test
    void unknownUpcsAreValidAndNotInTheCatalogue() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            String upc = CatalogueGenerator.unknownUpc(catalogue, random);
            assertThat(Gs1.isValidUpcA(upc)).isTrue();
            assertThat(catalogue.containsUpc(upc)).isFalse();
        }
    }
}
