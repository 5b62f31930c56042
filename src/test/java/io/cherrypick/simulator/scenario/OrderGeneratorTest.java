package io.cherrypick.simulator.scenario;

import io.cherrypick.gs1.Gs1;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderGeneratorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    private final Catalogue catalogue = CatalogueGenerator.generate(40, new SplittableRandom(42));

    private OrderGenerator generator(long seed) {
        return new OrderGenerator(catalogue, new SplittableRandom(seed), CLOCK, 100_001);
    }

    @Test
    void goodPicksHaveOneToFiveDistinctCatalogueLines() {
        Set<Integer> lineCounts = new HashSet<>();
        for (GeneratedPick pick : generator(1).generate(500, 0.0)) {
            assertThat(pick.isBad()).isFalse();
            assertThat(pick.lines()).hasSizeBetween(1, 5);
            lineCounts.add(pick.lines().size());
            assertThat(pick.lines().stream().map(PickLine::upc).distinct()).hasSameSizeAs(pick.lines());
            for (int i = 0; i < pick.lines().size(); i++) {
                PickLine line = pick.lines().get(i);
                assertThat(line.lineSeq()).isEqualTo(i + 1);
                assertThat(line.bkQty()).isBetween(1, 3);
                assertThat(line.location()).isEqualTo(pick.location());
                assertThat(line.division()).isEqualTo(pick.division());
                CatalogueSku sku = catalogue.findByUpc(line.upc()).orElseThrow();
                assertThat(List.of(line.style(), line.colorCode(), line.lblCode(), line.dimension(), line.sizeDesc()))
                        .containsExactly(sku.style(), sku.colorCode(), sku.lblCode(), sku.dimension(), sku.sizeDesc());
                assertThat(line.price()).isEqualTo(sku.price());
            }
        }
        assertThat(lineCounts).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void badShareIsExactAndSplitHalfUnknownSkuHalfUnmappedLocation() {
        List<GeneratedPick> picks = generator(2).generate(1000, 0.1);
        Map<BadOrderReason, Long> reasons = picks.stream().filter(GeneratedPick::isBad)
                .collect(Collectors.groupingBy(GeneratedPick::badReason, Collectors.counting()));
        assertThat(reasons).containsEntry(BadOrderReason.UNKNOWN_SKU, 50L).containsEntry(BadOrderReason.UNMAPPED_LOCATION, 50L);
    }

    @Test
    void smallTicksCarryTheFractionSoTheStreamShareIsExact() {
        OrderGenerator generator = generator(3);
        List<GeneratedPick> all = new ArrayList<>();
        for (int tick = 0; tick < 100; tick++) {
            all.addAll(generator.generate(3, 0.1));
        }
        assertThat(all.stream().filter(GeneratedPick::isBad).count()).isEqualTo(30);
    }

    @Test
    void badPositionsAreSpreadNotAllAtTheEnd() {
        List<GeneratedPick> picks = generator(4).generate(100, 0.2);
        long badInFirstHalf = picks.subList(0, 50).stream().filter(GeneratedPick::isBad).count();
        assertThat(badInFirstHalf).isBetween(3L, 17L);
    }

    @Test
    void noneOrAllBadAtTheExtremes() {
        assertThat(generator(5).generate(20, 0.0)).noneMatch(GeneratedPick::isBad);
        assertThat(generator(5).generate(20, 1.0)).allMatch(GeneratedPick::isBad);
    }

    @Test
    void unknownSkuPickHasExactlyOneValidUpcOutsideTheCatalogue() {
        List<GeneratedPick> bad = generator(6).generate(200, 0.5).stream()
                .filter(p -> p.badReason() == BadOrderReason.UNKNOWN_SKU).toList();
        assertThat(bad).hasSize(50);
        for (GeneratedPick pick : bad) {
            List<PickLine> unknown = pick.lines().stream().filter(l -> !catalogue.containsUpc(l.upc())).toList();
            assertThat(unknown).hasSize(1);
            assertThat(Gs1.isValidUpcA(unknown.get(0).upc())).isTrue();
            assertThat(pick.badDetail()).contains(unknown.get(0).upc()).contains("line " + unknown.get(0).lineSeq());
            assertThat(pick.location()).isIn("NJ", "LDN");
        }
    }

    @Test
    void unmappedLocationPickIsForMiamiThroughout() {
        List<GeneratedPick> bad = generator(7).generate(200, 0.5).stream()
                .filter(p -> p.badReason() == BadOrderReason.UNMAPPED_LOCATION).toList();
        assertThat(bad).hasSize(50);
        for (GeneratedPick pick : bad) {
            assertThat(pick.location()).isEqualTo("MIA");
            assertThat(pick.lines()).allMatch(l -> l.location().equals("MIA") && catalogue.containsUpc(l.upc()));
            assertThat(pick.shipper()).isIn("UPS", "FEDX");
            assertThat(pick.billTo().country()).isEqualTo("US");
            assertThat(pick.badDetail()).contains("MIA");
        }
    }

    @Test
    void addressesAreCompleteAndMatchTheLocationsCountry() {
        for (GeneratedPick pick : generator(8).generate(300, 0.1)) {
            assertThat(pick.billTo().addrType()).isEqualTo("BT");
            assertThat(pick.shipTo().addrType()).isEqualTo("ST");
            String country = pick.location().equals("LDN") ? "GB" : "US";
            for (PickAddress address : List.of(pick.billTo(), pick.shipTo())) {
                assertThat(List.of(address.name(), address.addr1(), address.city(), address.state(), address.zipcode(),
                        address.email(), address.contact())).allMatch(s -> s != null && !s.isBlank());
                assertThat(address.addr2()).isNotNull();
                assertThat(address.country()).isEqualTo(country);
                assertThat(address.name()).matches("[A-Z][a-z]+ [A-Z][a-z]+");
                assertThat(address.email()).matches("[a-z]+\\.[a-z]+\\d*@example\\.(com|net|org)");
                if (country.equals("US")) {
                    assertThat(address.zipcode()).matches("\\d{5}");
                    assertThat(address.state()).matches("[A-Z]{2}");
                } else {
                    assertThat(address.zipcode()).matches("[A-Z]{1,2}\\d{1,2} \\d[A-Z]{2}");
                }
            }
        }
    }

    @Test
    void headerFieldsAreConsistentWithTheLocation() {
        Set<String> shippers = new HashSet<>();
        for (GeneratedPick pick : generator(9).generate(300, 0.0)) {
            shippers.add(pick.shipper());
            boolean uk = pick.location().equals("LDN");
            assertThat(pick.shipper()).isIn(uk ? List.of("DHL", "RM") : List.of("UPS", "FEDX"));
            assertThat(pick.currCode()).isEqualTo(uk ? "GBP" : "USD");
            assertThat(pick.customer()).matches("(WEB|MKT|BTQ|DEP)\\d{2}");
            assertThat(pick.ordType()).isIn("R", "W");
            assertThat(pick.poNum()).matches("PO-\\d{6}");
            for (BigDecimal amount : List.of(pick.frgtAmt(), pick.taxAmt(), pick.discAmt())) {
                assertThat(amount.signum()).isNotNegative();
                assertThat(amount.scale()).isEqualTo(2);
            }
            assertThat(pick.pickDate()).isEqualTo("2026-11-26T10:00:00");
            assertThat(pick.endDate()).isAfter(pick.pickDate());
        }
        assertThat(shippers).containsExactlyInAnyOrder("UPS", "FEDX", "DHL", "RM");
    }

    @Test
    void pickAndOrderNumbersAreSequentialAndUnique() {
        OrderGenerator generator = generator(10);
        List<GeneratedPick> picks = new ArrayList<>(generator.generate(5, 0.0));
        picks.addAll(generator.generate(5, 0.0));
        assertThat(picks).extracting(GeneratedPick::pickNum)
                .containsExactly("100001", "100002", "100003", "100004", "100005", "100006", "100007", "100008", "100009", "100010");
        assertThat(picks.get(0).ordNum()).isEqualTo("40001");
        assertThat(picks.stream().map(GeneratedPick::ordNum).distinct()).hasSize(10);
    }

    @Test
    void sameSeedGivesTheSamePicks() {
        assertThat(generator(11).generate(50, 0.2)).isEqualTo(generator(11).generate(50, 0.2));
        assertThat(generator(11).generate(50, 0.2)).isNotEqualTo(generator(12).generate(50, 0.2));
    }

    @Test
    void rejectsInvalidArguments() {
        assertThatThrownBy(() -> generator(13).generate(-1, 0.1)).hasMessageContaining("count");
        assertThatThrownBy(() -> generator(13).generate(1, 1.5)).hasMessageContaining("badShare");
        assertThatThrownBy(() -> new OrderGenerator(catalogue, new SplittableRandom(1), CLOCK, 5))
                .hasMessageContaining("firstPickNumber");
    }
}
