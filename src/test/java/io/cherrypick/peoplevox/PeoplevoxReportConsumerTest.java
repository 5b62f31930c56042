package io.cherrypick.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.SyncCursorStore;
import io.cherrypick.store.SyncCursorStore.Cursor;
import io.cherrypick.support.BareCamelContext;

/**
 * {@code from: peoplevox:report}: the date window (first window, overlap before the cursor), one row per key, the cursor
 * moved in the transaction that routed the rows, and a failed run that moves nothing and becomes a dead letter keyed
 * by the cursor (resolved by the next run that succeeds).
 */
class PeoplevoxReportConsumerTest {
    private final PeoplevoxClient client = mock(PeoplevoxClient.class);
    private final SyncCursorStore cursors = mock(SyncCursorStore.class);
    private final ExceptionStore exceptions = mock(ExceptionStore.class);
    private final TransactionTemplate tx = mock(TransactionTemplate.class);
    private final DefaultCamelContext camel = BareCamelContext.create();
    private volatile boolean failRow;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() throws Exception {
        when(tx.execute(any())).thenAnswer(call -> ((TransactionCallback<Object>) call.getArgument(0)).doInTransaction(null));
        camel.addComponent("peoplevox", new PeoplevoxComponent(client, cursors, exceptions, tx));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("peoplevox:report?report=Despatch summary&dateColumn=Despatch date&keyColumns=Despatch number"
                        + "&cursor=despatch-report-poll&flow=despatch&deadLetterUri=mock:dead-letters&overlap=1h"
                        + "&firstWindow=2d&initialDelay=3600000").routeId("poll")
                        .process(e -> {
                            if (failRow) {
                                throw new IllegalStateException("row route failed");
                            }
                            e.getIn().setHeader(Handoff.STORED, true);
                        })
                        .to("mock:rows");
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private PeoplevoxReportConsumer consumer() {
        return (PeoplevoxReportConsumer) camel.getRoute("poll").getConsumer();
    }

    private static Map<String, String> row(String number, String date) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("Despatch number", number);
        row.put("Despatch date", date);
        return row;
    }

    private void report(List<Map<String, String>> rows) {
        when(client.getReportRowByRow(eq("Despatch summary"), anyString(), eq("[Despatch date] asc"), any()))
                .thenReturn(new CsvTable(List.of("Despatch number", "Despatch date"), rows));
    }

    @Test
    void theFirstRunReadsTheFirstWindowRoutesEachKeyOnceAndMovesTheCursorToTheLatestDate() throws Exception {
        when(cursors.load("despatch-report-poll")).thenReturn(Cursor.START);
        report(List.of(row("D1", "14/06/2026 10:00"), row("D2", "14/06/2026 10:05"), row("D1", "14/06/2026 10:07"),
                row(" ", "14/06/2026 11:00")));
        MockEndpoint rows = camel.getEndpoint("mock:rows", MockEndpoint.class);
        rows.expectedMessageCount(2);

        assertThat(consumer().readOnce()).isEqualTo(2);

        rows.assertIsSatisfied();
        assertThat(rows.getExchanges()).extracting(e -> e.getIn().getHeader(Handoff.RECORD_KEY)).containsExactly("D1", "D2");
        assertThat(rows.getExchanges().get(0).getIn().getHeader(Handoff.FLOW)).isEqualTo("despatch");
        assertThat(rows.getExchanges().get(1).getIn().getBody(Map.class)).containsEntry("Despatch date", "14/06/2026 10:05");
        ArgumentCaptor<String> clause = ArgumentCaptor.forClass(String.class);
        verify(client).getReportRowByRow(eq("Despatch summary"), clause.capture(), any(), any());
        String twoDaysAgo = PeoplevoxDates.searchLiteral(LocalDateTime.now(ZoneOffset.UTC).minusDays(2).withSecond(0).withNano(0));
        assertThat(clause.getValue()).startsWith("[Despatch date] >= DateTime(").isEqualTo("[Despatch date] >= " + twoDaysAgo);
        // the 11:00 row has no key: it is neither routed nor counted for the cursor
        verify(cursors).save("despatch-report-poll", new Cursor("2026-06-14T10:07", Set.of()));
    }

    @Test
    void aLaterRunStartsOverlapBeforeTheCursorAndAnEmptyRunKeepsTheWindowStart() {
        when(cursors.load("despatch-report-poll")).thenReturn(new Cursor("2026-06-14T10:05", Set.of()));
        report(List.of());

        assertThat(consumer().readOnce()).isZero();

        verify(client).getReportRowByRow(eq("Despatch summary"), eq("[Despatch date] >= DateTime(2026,06,14,09,05,00)"), any(), any());
        verify(cursors).save("despatch-report-poll", new Cursor("2026-06-14T10:05", Set.of()));
    }

    @Test
    void aFailedRunMovesNothingAndIsADeadLetterKeyedByTheCursorUntilARunSucceeds() throws Exception {
        when(cursors.load("despatch-report-poll")).thenReturn(new Cursor("2026-06-14T10:05", Set.of()));
        when(client.getReportRowByRow(any(), any(), any(), any())).thenThrow(ApiException.transientFailure("Peoplevox",
                Category.API_TIMEOUT, "Peoplevox GetReportData timed out after 30 s", null));
        MockEndpoint deadLetters = camel.getEndpoint("mock:dead-letters", MockEndpoint.class);
        deadLetters.expectedMessageCount(1);

        consumer().poll();

        deadLetters.assertIsSatisfied();
        var dead = deadLetters.getExchanges().get(0).getIn();
        assertThat(dead.getHeader(Handoff.RECORD_KEY)).isEqualTo("despatch-report-poll");
        assertThat(dead.getHeader(Handoff.FLOW)).isEqualTo("despatch");
        assertThat(dead.getHeader(Handoff.CATEGORY)).isEqualTo("API_TIMEOUT");
        assertThat(dead.getHeader(Handoff.REASON, String.class)).contains("Report poll despatch-report-poll")
                .contains("Despatch summary").contains("timed out");
        verify(cursors, never()).save(any(), any());
        verify(exceptions, never()).resolveOpen(eq("despatch"), eq("despatch-report-poll"), anyString());

        org.mockito.Mockito.reset(client);
        report(List.of(row("D3", "14/06/2026 10:30")));
        consumer().poll();
        verify(exceptions).resolveOpen(eq("despatch"), eq("despatch-report-poll"), anyString());
    }

    @Test
    void aRowWhoseCellsDoNotMatchTheHeaderIsRefusedOnItsOwnAndItsNeighboursGoOn() throws Exception {
        when(cursors.load("despatch-report-poll")).thenReturn(Cursor.START);
        when(client.getReportRowByRow(eq("Despatch summary"), anyString(), eq("[Despatch date] asc"), any()))
                .thenReturn(new CsvTable(List.of("Despatch number", "Despatch date"),
                        List.of(row("D1", "14/06/2026 10:00"), row("D3", "14/06/2026 10:10")),
                        List.of(new CsvTable.BadRow(2, "row 2 has 3 cell(s) where the header has 2",
                                List.of("D2", "14/06/2026", "10:05")))));
        MockEndpoint rows = camel.getEndpoint("mock:rows", MockEndpoint.class);
        rows.expectedMessageCount(2);
        MockEndpoint deadLetters = camel.getEndpoint("mock:dead-letters", MockEndpoint.class);
        deadLetters.expectedMessageCount(1);

        assertThat(consumer().readOnce()).isEqualTo(2);

        rows.assertIsSatisfied();
        deadLetters.assertIsSatisfied();
        var dead = deadLetters.getExchanges().get(0).getIn();
        assertThat(dead.getHeader(Handoff.CATEGORY)).isEqualTo("VALIDATION");
        assertThat(dead.getHeader(Handoff.RECORD_KEY, String.class)).startsWith("Despatch summary:unreadable:");
        assertThat(dead.getHeader(Handoff.REASON, String.class)).contains("GetReportData Despatch summary")
                .contains("row 2 has 3 cell(s) where the header has 2");
        assertThat(dead.getBody(String.class)).isEqualTo("D2,14/06/2026,10:05");
        verify(cursors).save("despatch-report-poll", new Cursor("2026-06-14T10:10", Set.of()));
    }

    @Test
    void aRowWhoseRouteFailsRollsTheRunBack() throws Exception {
        when(cursors.load("despatch-report-poll")).thenReturn(Cursor.START);
        report(List.of(row("D1", "14/06/2026 10:00")));
        failRow = true;
        MockEndpoint deadLetters = camel.getEndpoint("mock:dead-letters", MockEndpoint.class);
        deadLetters.expectedMessageCount(1);

        consumer().poll();

        deadLetters.assertIsSatisfied();
        assertThat(deadLetters.getExchanges().get(0).getIn().getHeader(Handoff.REASON, String.class)).contains("row route failed");
        verify(cursors, never()).save(any(), any());
    }

    @Test
    void onlyTheReportOperationConsumesAndItNeedsItsOptions() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("peoplevox:report?report=Return summary&cursor=c").to("mock:x");
            }
        }))).hasStackTraceContaining("needs option dateColumn");
    }
}
