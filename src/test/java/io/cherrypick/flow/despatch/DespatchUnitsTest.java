package io.cherrypick.flow.despatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.peoplevox.PeoplevoxDates;
import io.cherrypick.peoplevox.PeoplevoxDespatches;
import io.cherrypick.peoplevox.events.EventSpec;
import io.cherrypick.peoplevox.model.PvxDespatch;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.WarehouseStatuses;

/** Small pieces of the despatch flow: warehouse status order, Peoplevox dates, despatch assembly, event keys. */
class DespatchUnitsTest {
    @Test
    void theLifecycleOnlyMovesForward() {
        assertThat(WarehouseStatuses.movableTo(LifecycleState.PICKING)).contains(LifecycleState.ACKNOWLEDGED,
                LifecycleState.ALLOCATED).doesNotContain(LifecycleState.PICKING, LifecycleState.DESPATCHED);
        assertThat(WarehouseStatuses.movableTo(LifecycleState.ALLOCATED)).doesNotContain(LifecycleState.PICKING);
        assertThat(WarehouseStatuses.movableTo(LifecycleState.CANCELLED)).contains(LifecycleState.PICKING)
                .doesNotContain(LifecycleState.DESPATCHED, LifecycleState.CONFIRMED_IN_BLUE_CHERRY);
        assertThat(WarehouseStatuses.stateFor(Map.of("Packed", LifecycleState.PICKING), "packed")).contains(LifecycleState.PICKING);
        assertThat(WarehouseStatuses.stateFor(Map.of("Packed", LifecycleState.PICKING), "New")).isEmpty();
    }

    @Test
    void peoplevoxDatesAreReadDayFirstQuotedOrIso() {
        LocalDateTime t = LocalDateTime.of(2018, 6, 14, 16, 55, 7);
        assertThat(PeoplevoxDates.parse("'14/06/2018 16:55:07'")).contains(t);
        assertThat(PeoplevoxDates.parse("14/06/2018 16:55")).contains(t.withSecond(0));
        assertThat(PeoplevoxDates.parse("2018-06-14T16:55:07Z")).contains(t);
        assertThat(PeoplevoxDates.parse("2018-06-14 16:55:07")).contains(t);
        assertThat(PeoplevoxDates.parse("03/07/2017")).contains(LocalDateTime.of(2017, 7, 3, 0, 0));
        assertThat(PeoplevoxDates.parse("yesterday")).isEmpty();
        assertThat(PeoplevoxDates.searchLiteral(t)).isEqualTo("DateTime(2018,06,14,16,55,07)");
    }

    @Test
    void packageLinesJoinTheirDespatch() throws Exception {
        List<Map<String, String>> headers = List.of(
                Map.of("DespatchNumber", "D1", "SalesOrderNumber", "P1", "Carrier", "UPS", "ServiceType", "UPS Ground",
                        "DespatchDate", "14/06/2026 10:00", "Site", "PrimarySite"),
                Map.of("DespatchNumber", "D2", "SalesOrderNumber", "P2"));
        List<Map<String, String>> lines = List.of(
                Map.of("DespatchNumber", "D1", "PackageNumber", "D1-1", "TrackingNumber", "T1", "Weight", "1.5", "ItemCode", "A", "Quantity", "2"),
                Map.of("DespatchNumber", "D1", "PackageNumber", "D1-1", "TrackingNumber", "T1", "Weight", "1.5", "ItemCode", "B", "Quantity", "1"),
                Map.of("DespatchNumber", "D1", "PackageNumber", "D1-2", "TrackingNumber", "T2", "Weight", "0.5", "ItemCode", "B", "Quantity", "1"));
        Map<String, PvxDespatch> found = PeoplevoxDespatches.assemble(headers, lines);
        assertThat(found).containsOnlyKeys("D1"); // D2 has no package lines yet
        PvxDespatch d1 = found.get("D1");
        assertThat(d1.packages()).hasSize(2);
        assertThat(d1.units()).isEqualTo(4);
        assertThat(d1.packages().get(0).lines()).extracting(PvxDespatch.Line::itemCode).containsExactly("A", "B");
        // stored in queue despatch as JSON (handoff: write) and read back by despatch-prepare (unmarshal)
        ObjectMapper json = new ObjectMapper();
        String payload = json.writeValueAsString(d1);
        assertThat(json.readValue(payload, PvxDespatch.class)).isEqualTo(d1);
        assertThat(json.readTree(payload).path("salesOrderNumber").asText()).isEqualTo("P1");
    }

    @Test
    void eventKeysComeFromBusinessFields() {
        EventSpec spec = new EventSpec("SalesOrderStatusChanges", "despatch", List.of("SalesOrderNumber", "Status", "At"),
                List.of("SalesOrderNumber"), List.of("SalesOrderNumber", "Status", "At"), true);
        assertThat(spec.eventKey(Map.of("SalesOrderNumber", "P1", "Status", "Picking", "At", "x")))
                .isEqualTo("SalesOrderStatusChanges:P1|Picking|x");
        assertThat(spec.missing(Map.of("SalesOrderNumber", " "))).containsExactly("SalesOrderNumber");
        assertThat(spec.eventKey(Map.of("SalesOrderNumber", "P".repeat(300)))).startsWith("SalesOrderStatusChanges:sha256:");
    }
}
