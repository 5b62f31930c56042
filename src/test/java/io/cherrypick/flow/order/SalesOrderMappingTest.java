package io.cherrypick.flow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.catalog.ItemProperties;
import io.cherrypick.mapping.ConversionProperties.VolumeUnit;
import io.cherrypick.mapping.ConversionProperties.WeightUnit;
import io.cherrypick.mapping.ConversionProperties;
import io.cherrypick.mapping.Conversions;
import io.cherrypick.mapping.MappedRecord;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.support.Picks;

/** routes/mappings/sales-order.yaml applied to a pick: every Peoplevox field the order flow sends. */
class SalesOrderMappingTest {
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> sites = Map.of("NJ", "PrimarySite");
    private final Map<String, String> shippers = Map.of("UPS", "UPS Ground");
    private final Mappings mappings = new Mappings(Path.of("routes", "mappings"), new MockEnvironment(),
            List.of(new PickSource(new ItemCodes(new ItemProperties(null, null)), json)),
            (kind, value) -> ("site".equals(kind) ? sites : "shipper".equals(kind) ? shippers : Map.<String, String>of()).get(value));

    @Test
    void aPickBecomesOneSalesOrderRowAndOneItemRowPerLine() throws Exception {
        Map<String, Object> pick = Picks.pick("P1", "NJ", "012345678905", "012345678912");
        pick.put("last_mod", "2026-11-20 10:00:05");
        pick.put("altpo", "ALT-9");
        MappedRecord mapped = mappings.map("sales-order", json.writeValueAsString(pick), Map.of());

        Map<String, String> header = mapped.row("header");
        assertThat(header).containsEntry("SalesOrderNumber", "P1").containsEntry("Customer", "WEB01")
                .containsEntry("CustomerPurchaseOrderReferenceNumber", "PO-P1").containsEntry("ShippingAddressLine1", "1 Main St")
                .containsEntry("ShippingAddressCity", "Newark").containsEntry("ShippingAddressCountry", "US")
                .containsEntry("InvoiceAddressLine1", "1 Main St").containsEntry("IsPartialShipment", "False")
                .containsEntry("RequestedDeliveryDate", "2026-11-30 00:00:00").containsEntry("ShippingCost", "7.95")
                .containsEntry("Email", "jane@example.com").containsEntry("ContactName", "Jane Doe")
                .containsEntry("TotalSale", "192.00").containsEntry("Discount", "0.00").containsEntry("TaxPaid", "1.10")
                .containsEntry("CreatedDate", "2026-11-20 10:00:00").containsEntry("ServiceType", "UPS Ground")
                .containsEntry("ChannelName", "Blue Cherry").containsEntry("Site", "PrimarySite")
                .containsEntry("Attribute1", "OP1").containsEntry("Attribute2", "2026-11-20 10:00:05")
                .containsEntry("Attribute3", "ALT-9");
        assertThat(mapped.rows("lines")).hasSize(2);
        assertThat(mapped.rows("lines").get(1)).containsExactly(Map.entry("SalesOrderNumber", "P1"),
                Map.entry("ItemCode", "012345678912"), Map.entry("QuantityOrdered", "2"),
                Map.entry("RequestedDeliveryDate", "2026-11-30 00:00:00"), Map.entry("Line", "2"), Map.entry("Sequence", "2"),
                Map.entry("SalePrice", "48.00"));
    }

    /**
     * Blue Cherry in New York, the Peoplevox tenant in London: the pick's time moves to London's (and to the next day),
     * its delivery date stays its day, and its revision stays exactly as Blue Cherry wrote it.
     */
    @Test
    void timesMoveToTheTenantsZoneDeliveryDatesAndTheRevisionDoNot() throws Exception {
        Conversions newYorkToLondon = new Conversions(
                new ConversionProperties.System(ZoneId.of("Europe/London"),
                        WeightUnit.KG, VolumeUnit.M3),
                new ConversionProperties.System(ZoneId.of("America/New_York"),
                        WeightUnit.LB, VolumeUnit.CF));
        Mappings converting = new Mappings(Path.of("routes", "mappings"), new MockEnvironment(),
                List.of(new PickSource(new ItemCodes(new ItemProperties(null, null)), json)), (kind, value) -> null, newYorkToLondon);
        Map<String, Object> pick = Picks.pick("P3", "NJ", "012345678905");
        pick.put("pick_date", "2026-11-20 21:15:00");
        pick.put("last_mod", "2026-11-20 21:15:07");
        MappedRecord mapped = converting.map("sales-order", json.writeValueAsString(pick), Map.of());

        assertThat(mapped.row("header")).containsEntry("CreatedDate", "2026-11-21 02:15:00")
                .containsEntry("RequestedDeliveryDate", "2026-11-30 00:00:00").containsEntry("Attribute2", "2026-11-20 21:15:07");
        assertThat(mapped.rows("lines").get(0)).containsEntry("RequestedDeliveryDate", "2026-11-30 00:00:00");
    }

    @Test
    void anUnmappedLocationLeavesSiteEmptyForTheChecksToName() throws Exception {
        MappedRecord mapped = mappings.map("sales-order", json.writeValueAsString(Picks.pick("P2", "MIA", "012345678905")),
                Map.of());
        assertThat(mapped.row("header")).containsEntry("Site", "");
    }
}
