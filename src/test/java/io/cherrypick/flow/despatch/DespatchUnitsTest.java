package io.cherrypick.flow.despatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.mapping.Mappings;
import io.cherrypick.mapping.RowSource;
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
    void summaryRowsBecomeOneCartonPerDespatchWithoutPackageDetailAndOnePerPackageWithIt() throws Exception {
        PeoplevoxDespatches reader = new PeoplevoxDespatches(null, new Mappings(Path.of("routes", "mappings"),
                new MockEnvironment(), List.of(new RowSource()), (kind, value) -> null));
        List<Map<String, String>> rows = List.of(
                row("D1", "P1", "T1", "A", "2", "T1", "0.5"), row("D1", "P1", "T1", "B", "1", "T1", "1.25"),
                row("D1", "P1", "T1", "B", "1", "T2", "1.25"), row("D2", "P2", "", "A", "1", "", ""));

        Map<String, PvxDespatch> summary = reader.assemble(rows, layout(false, true));
        assertThat(summary).containsOnlyKeys("D1", "D2");
        PvxDespatch d1 = summary.get("D1");
        assertThat(d1.salesOrderNumber()).isEqualTo("P1");
        assertThat(d1.carrier()).isEqualTo("UPS");
        assertThat(d1.serviceType()).isEqualTo("UPS Ground");
        assertThat(d1.trackingNumber()).isEqualTo("T1");
        assertThat(d1.packages()).hasSize(1);
        assertThat(d1.packages().get(0).trackingNumber()).isEqualTo("T1");
        assertThat(d1.packages().get(0).lines()).containsExactly(new PvxDespatch.Line("A", 2), new PvxDespatch.Line("B", 2));
        assertThat(d1.packages().get(0).weight()).isEqualByComparingTo("3.5");
        assertThat(d1.units()).isEqualTo(4);

        PvxDespatch packed = reader.assemble(rows, layout(true, false)).get("D1");
        assertThat(packed.packages()).extracting(PvxDespatch.Package::trackingNumber).containsExactly("T1", "T2");
        assertThat(packed.packages().get(0).lines()).containsExactly(new PvxDespatch.Line("A", 2), new PvxDespatch.Line("B", 1));
        assertThat(packed.packages()).allMatch(p -> p.weight() == null);
        assertThat(packed.units()).isEqualTo(4);

        // stored in queue despatch as JSON (handoff: write) and read back by despatch-prepare (unmarshal)
        ObjectMapper json = new ObjectMapper();
        String payload = json.writeValueAsString(d1);
        assertThat(json.readValue(payload, PvxDespatch.class)).isEqualTo(d1);
        assertThat(json.readTree(payload).path("salesOrderNumber").asText()).isEqualTo("P1");

        assertThatThrownBy(() -> reader.assemble(List.of(row("D3", "P3", "T3", "A", "1.5", "", "")), layout(false, false)))
                .hasMessageContaining("Despatch D3 item A").hasMessageContaining("'1.5'");
    }

    private static PeoplevoxDespatches.Layout layout(boolean packages, boolean weights) {
        return new PeoplevoxDespatches.Layout(List.of(), List.of(), List.of("Package tracking number"), packages, weights);
    }

    private static Map<String, String> row(String despatch, String order, String tracking, String item, String count,
                                           String packageTracking, String itemWeight) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("Salesorder number", order);
        row.put("Despatch number", despatch);
        row.put("Carrier", "UPS");
        row.put("Service", "UPS Ground");
        row.put("Despatch date", "'14/06/2026 10:00'");
        row.put("Tracking number", tracking);
        row.put("Item code", item);
        row.put("No of items", count);
        row.put("Site reference", "PrimarySite");
        row.put("Package tracking number", packageTracking);
        row.put("Item weight", itemWeight);
        return row;
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
