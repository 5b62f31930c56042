package io.cherrypick.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cherrypick.handoff.Handoff;
import io.cherrypick.mapping.MappedRecord;
import io.cherrypick.support.BareCamelContext;

/**
 * The order flow's lines save (routes/sales-order-to-wms.camel.yaml, save-sales-order-lines, which sets no maxRows)
 * under the client-wide cap cherrypick.peoplevox.max-rows-per-call (100): every SaveData carries at most 100 rows and
 * one order's lines never straddle two calls. An order with more lines than the cap goes in calls of its own, in slices
 * of the cap, and is refused whole when a slice is (its neighbours are saved).
 */
class SalesOrderLinesRowCapTest {
    static final String LINES = "peoplevox:save?template=Sales order items&rows=lines&lookBeforeResend=true"
            + "&keyField=SalesOrderNumber&matchFields=Line";

    private final PeoplevoxClient peoplevox = mock(PeoplevoxClient.class);
    private final List<CsvTable> calls = new CopyOnWriteArrayList<>();
    private final Set<String> refuseRows = new LinkedHashSet<>();
    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeEach
    void start() {
        when(peoplevox.maxRowsPerCall()).thenReturn(100);
        when(peoplevox.saveData(eq("Sales order items"), any(CsvTable.class), anyInt())).thenAnswer(call -> {
            CsvTable table = call.getArgument(1);
            calls.add(table);
            List<IntegrationResponse.RowStatus> statuses = new ArrayList<>();
            StringBuilder detail = new StringBuilder();
            for (Map<String, String> row : table.rows()) {
                String ref = row.get("SalesOrderNumber") + "/" + row.get("Line");
                boolean ok = !refuseRows.contains(ref);
                statuses.add(new IntegrationResponse.RowStatus(row.get("SalesOrderNumber"), ok ? "Success" : "Error"));
                if (!ok) {
                    detail.append(row.get("SalesOrderNumber")).append(" line ").append(row.get("Line"))
                            .append(": ItemCode not found\n");
                }
            }
            return new IntegrationResponse(detail.isEmpty() ? 0 : -1, table.rows().size(), detail.toString(), statuses);
        });
        camel = BareCamelContext.create();
        camel.addComponent("peoplevox", new PeoplevoxComponent(peoplevox));
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void everyCallCarriesAtMostTheCapAndNoOrderStraddlesTwoCalls() {
        Map<String, Integer> orders = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            orders.put("P" + i, 1 + i % 5); // 1 to 5 lines, 3 on average: 300 lines
        }
        List<Message> batch = batch(orders);

        template.sendBody(LINES, batch);

        assertThat(calls).allSatisfy(call -> assertThat(call.rows()).hasSizeLessThanOrEqualTo(100));
        assertThat(calls.stream().mapToInt(c -> c.rows().size()).sum()).isEqualTo(300);
        assertThat(calls).as("300 lines need at least 3 calls; whole orders fill each to at least 96 rows")
                .hasSizeBetween(3, 4);
        assertNoOrderInTwoCalls();
        assertThat(batch).allSatisfy(m -> assertThat(m.getHeader(Peoplevox.SAVED, Boolean.class)).isTrue());
    }

    @Test
    void anOrderWithMoreLinesThanTheCapGoesAloneInSlicesAndIsRefusedWholeWhenASliceIs() {
        Map<String, Integer> orders = new LinkedHashMap<>();
        orders.put("SMALL-1", 60);
        orders.put("BIG", 150);
        orders.put("SMALL-2", 60);
        refuseRows.add("BIG/130"); // a line of the second slice
        List<Message> batch = batch(orders);

        template.sendBody(LINES, batch);

        List<String> callsMade = calls.stream().map(c -> ordersIn(c) + " " + c.rows().size() + " rows").toList();
        assertThat(callsMade).containsExactlyInAnyOrder("[SMALL-1] 60 rows", "[BIG] 100 rows", "[BIG] 50 rows",
                "[SMALL-2] 60 rows");
        Message big = batch.get(1);
        assertThat(big.getHeader(Peoplevox.SAVED, Boolean.class)).isFalse();
        assertThat(big.getHeader(Peoplevox.REFUSAL, String.class)).contains("BIG line 130: ItemCode not found");
        assertThat(batch.get(0).getHeader(Peoplevox.SAVED, Boolean.class)).isTrue();
        assertThat(batch.get(2).getHeader(Peoplevox.SAVED, Boolean.class)).isTrue();
    }

    @Test
    void aRouteAskingForMoreRowsThanTheCapGetsTheCap() {
        Map<String, Integer> orders = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            orders.put("P" + i, 3);
        }
        template.sendBody(LINES + "&maxRows=500", batch(orders));

        assertThat(calls).allSatisfy(call -> assertThat(call.rows()).hasSizeLessThanOrEqualTo(100));
        assertNoOrderInTwoCalls();
    }

    private void assertNoOrderInTwoCalls() {
        Set<String> seen = new LinkedHashSet<>();
        for (CsvTable call : calls) {
            for (String order : ordersIn(call)) {
                assertThat(seen.add(order)).as("order %s's lines in a second call", order).isTrue();
            }
        }
    }

    private static Set<String> ordersIn(CsvTable call) {
        Set<String> orders = new LinkedHashSet<>();
        call.rows().forEach(row -> orders.add(row.get("SalesOrderNumber")));
        return orders;
    }

    /** One message per pick, as the batch sender's split leaves them: key and mapped lines. */
    private List<Message> batch(Map<String, Integer> linesPerOrder) {
        List<Message> batch = new ArrayList<>();
        linesPerOrder.forEach((order, lines) -> {
            List<Map<String, String>> rows = new ArrayList<>();
            for (int line = 1; line <= lines; line++) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("SalesOrderNumber", order);
                row.put("ItemCode", "I" + line);
                row.put("QuantityOrdered", "1");
                row.put("Line", Integer.toString(line));
                rows.add(row);
            }
            DefaultMessage m = new DefaultMessage(camel);
            m.setHeader(Handoff.RECORD_KEY, order);
            m.setBody(new MappedRecord(Map.of("header", List.of(Map.of("SalesOrderNumber", order)), "lines", rows)));
            batch.add(m);
        });
        return batch;
    }
}
