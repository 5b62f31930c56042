package io.cherrypick.flow.despatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.catalog.ItemProperties;
import io.cherrypick.gs1.Gs1;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.mapping.MappedRecord;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.peoplevox.model.PvxDespatch;
import io.cherrypick.store.DespatchRegister;
import io.cherrypick.store.DocumentNumbers;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.ValueMappingStore;
import io.cherrypick.support.DefaultSettings;
import io.cherrypick.support.Picks;

/**
 * One Peoplevox despatch and its pick ticket to one Blue Cherry OrderShipment: the checks before the mapping
 * ({@link OrderShipments#checked}), the mapping file routes/mappings/order-shipment.yaml as the route runs it, and the
 * cartons and shipped lines ({@link OrderShipments#assemble}).
 */
class ShipmentMapperTest {
    static final String A = "012345678905";
    static final String B = "012345678912";

    private final ValueMappingStore mappings = mock(ValueMappingStore.class);
    private final DespatchProperties props = DefaultSettings.of("cherrypick.flows.despatch", DespatchProperties.class);
    private final Mappings files = new Mappings(Path.of("routes", "mappings"), new org.springframework.mock.env.MockEnvironment(),
            List.of(new ShipmentSource(props)), (kind, value) -> null);
    private final OrderShipments shipments = new OrderShipments(mock(HandoffStore.class), mock(DespatchRegister.class), mock(DocumentNumbers.class),
            mock(OrderLifecycleStore.class),
            mappings, new ItemCodes(new ItemProperties(null, null)), props, files, new ObjectMapper());
    private final Mapper mapper = new Mapper();
    private final JsonNode pick = new ObjectMapper().valueToTree(Picks.pick("P1", "NJ", A, B));

    ShipmentMapperTest() {
        when(mappings.lookup(anyString(), anyString())).thenReturn(Optional.empty());
        when(mappings.lookup(eq("carrier"), eq("UPS Ground"))).thenReturn(Optional.of("UPS/UPSN"));
    }

    @Test
    void aDespatchBecomesOneShipmentWithACartonPerPackage() {
        PvxDespatch d = new PvxDespatch("DES000001", "P1", "UPS", "UPS Ground", "1ZA", "14/06/2026 16:55:07", "PrimarySite",
                List.of(pkg("DES000001-1", "1ZA", "1.5", line(A, 2), line(B, 1)), pkg("DES000001-2", "1ZB", "0.5", line(B, 1))));
        Mapped m = mapper.map(input(d, true));

        assertThat(m.problems()).isEmpty();
        ObjectNode s = m.shipment();
        assertThat(s.path("pick_num").asText()).isEqualTo("P1");
        assertThat(s.path("ord_num").asText()).isEqualTo("OP1");
        assertThat(s.path("ship_date").asText()).isEqualTo("06/14/2026");
        assertThat(s.path("shipper").asText()).isEqualTo("UPS");
        assertThat(s.path("scac_code").asText()).isEqualTo("UPSN");
        assertThat(s.path("carton").asInt()).isEqualTo(2);
        assertThat(s.path("cmpl_code").asText()).isEqualTo("Y");
        assertThat(s.path("isa_num").asText()).isEqualTo("000000042");
        assertThat(s.path("weight").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(s.path("pickDetail")).hasSize(2);
        assertThat(s.path("pickDetail").get(0).path("line_seq").asInt()).isEqualTo(1);
        assertThat(s.path("pickDetail").get(0).path("size_qty").asInt()).isEqualTo(2);
        assertThat(s.path("pickDetail").get(1).path("upc").asText()).isEqualTo(B);
        assertThat(s.path("pickDetail").get(1).path("size_qty").asInt()).isEqualTo(2);
        JsonNode first = s.path("cartonHeader").get(0);
        assertThat(Gs1.isValidSscc20(first.path("carton_num").asText())).isTrue();
        assertThat(first.path("track_no").asText()).isEqualTo("1ZA");
        assertThat(first.path("cartonDetail")).hasSize(2);
        assertThat(first.path("cartonDetail").get(1).path("ship_qty").asInt()).isEqualTo(1);
        assertThat(first.path("cartonDetail").get(1).path("carton_num").asText()).isEqualTo(first.path("carton_num").asText());
        assertThat(s.path("cartonHeader").get(1).path("track_no").asText()).isEqualTo("1ZB");
    }

    @Test
    void aPackageWithoutItsOwnTrackingNumberCarriesTheDespatchsAndNoneIsLeftOutOnlyWhenBothAreMissing() {
        PvxDespatch d = new PvxDespatch("DES3", "P1", "UPS", "UPS Ground", "1ZMASTER", "14/06/2026 16:55:07", "PrimarySite",
                List.of(pkg("DES3-1", "", "1", line(A, 1)), pkg("DES3-2", "1ZOWN", "1", line(B, 1))));
        JsonNode cartons = mapper.map(input(d, false)).shipment().path("cartonHeader");
        assertThat(cartons.get(0).path("track_no").asText()).isEqualTo("1ZMASTER");
        assertThat(cartons.get(1).path("track_no").asText()).isEqualTo("1ZOWN");

        PvxDespatch untracked = new PvxDespatch("DES4", "P1", "UPS", "UPS Ground", "", "14/06/2026 16:55:07", "PrimarySite",
                List.of(pkg("DES4-1", null, "1", line(A, 1))));
        JsonNode carton = mapper.map(input(untracked, false)).shipment().path("cartonHeader").get(0);
        assertThat(carton.has("track_no")).as("Blue Cherry: a valid number or no value").isFalse();
    }

    @Test
    void aPartDespatchSaysNotComplete() {
        PvxDespatch d = new PvxDespatch("DES2", "P1", "UPS", "UPS Ground", "1ZA", "2026-06-14 16:55:07", "PrimarySite",
                List.of(pkg("DES2-1", "1ZA", "1", line(A, 1))));
        ObjectNode s = mapper.map(input(d, false)).shipment();
        assertThat(s.path("cmpl_code").asText()).isEqualTo("N");
        assertThat(s.path("pickDetail")).hasSize(1);
        assertThat(s.path("pickDetail").get(0).path("size_qty").asInt()).isEqualTo(1);
    }

    @Test
    void anUnmappedServiceAndAnItemOffThePickAreProblemsNamingDespatchPickAndField() {
        PvxDespatch d = new PvxDespatch("DES3", "P1", "Parcelforce", "Express 24", "X1", "14/06/2026 10:00", "PrimarySite",
                List.of(pkg("DES3-1", "X1", "1", line("099999999993", 1))));
        Mapped m = mapper.map(input(d, false));
        assertThat(m.ok()).isFalse();
        assertThat(m.problems()).anyMatch(p -> p.startsWith("Despatch DES3 (pick P1)") && p.contains("Express 24")
                && p.contains("shipper") && p.contains("scac_code"));
        assertThat(m.problems()).anyMatch(p -> p.contains("099999999993") && p.contains("on no line of the pick"));
    }

    @Test
    void aMalformedCarrierMappingIsAProblem() {
        when(mappings.lookup(eq("carrier"), eq("Next Day"))).thenReturn(Optional.of("DHL"));
        PvxDespatch d = new PvxDespatch("DES4", "P1", "DHL", "Next Day", "X1", "14/06/2026", "PrimarySite",
                List.of(pkg("DES4-1", "X1", "1", line(A, 1))));
        assertThat(mapper.map(input(d, false)).problems()).anyMatch(p -> p.contains("SHIPPER/SCAC"));
    }

    /** The shipment or its problems, as the despatch-prepare route builds it. */
    record Mapped(ObjectNode shipment, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    final class Mapper {
        Mapped map(Shipment input) {
            List<String> problems = new ArrayList<>();
            Shipment s = shipments.checked(input, problems);
            MappedRecord mapped = files.map("order-shipment", s, Map.of());
            OrderShipments.Built built = shipments.assemble(s, mapped, files.file("order-shipment").part("shipment"));
            problems.addAll(built.problems());
            return new Mapped(built.document(), problems);
        }
    }

    private Shipment input(PvxDespatch d, boolean complete) {
        Map<String, String> cartons = new java.util.LinkedHashMap<>();
        long serial = 1;
        for (PvxDespatch.Package p : d.packages()) {
            cartons.put(p.packageNumber(), Gs1.sscc20(0, "0614141", serial++));
        }
        return new Shipment(d, pick, 42, cartons, complete, null);
    }

    private static PvxDespatch.Package pkg(String number, String tracking, String weight, PvxDespatch.Line... lines) {
        return new PvxDespatch.Package(number, tracking, new BigDecimal(weight), List.of(lines));
    }

    private static PvxDespatch.Line line(String item, int qty) {
        return new PvxDespatch.Line(item, qty);
    }
}
