package io.cherrypick.simulator.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** GetReportData and GetReportColumns. */
class PeoplevoxReportsTest extends PeoplevoxTestSupport {

    @BeforeEach
    void setUp() {
        soap.login();
        seedItems("A1", "B2", "C3");
        seedStock("A1", "PrimarySite", 10);
        seedStock("B2", "PrimarySite", 5);
        seedStock("C3", "LondonSite", 7);
    }

    @Test
    void reportColumnsAreACsvLine() {
        SoapTestClient.Response columns = soap.getReportColumns("Item inventory summary");
        assertThat(columns.responseId()).isZero();
        assertThat(columns.detail()).isEqualTo("Item code,Name,Barcode,Site reference,On hand,Allocated,Available");
        assertThat(soap.getReportColumns("Return summary").detail()).isEqualTo("Return code,Return date,Quantity,"
                + "Item code,Item name,Sales order number,Return reason,Return condition,Return comments,"
                + "Site reference,Is Reusable,RMA number");
        SoapTestClient.Response unknown = soap.getReportColumns("Secret report");
        assertThat(unknown.responseId()).isEqualTo(-1);
        assertThat(unknown.detail()).isEqualTo("Report 'Secret report' does not exist");
    }

    @Test
    void inventorySummaryFiltersOnBracketedColumnsAndSelectsColumns() {
        createOrder("SO-1", 0, "A1", "4");
        SoapTestClient.Response primary = soap.getReportData("Item inventory summary", 1, 0,
                "([Site reference].Equals(\"PrimarySite\"))", "[Item code] desc", "[Item code],[Available],Allocated");
        assertThat(primary.responseId()).isZero();
        assertThat(primary.totalCount()).isEqualTo(2);
        assertThat(primary.detail()).isEqualTo("Item code,Available,Allocated\nB2,5,0\nA1,6,4\n");

        SoapTestClient.Response all = soap.getReportData("Item inventory summary", 1, 0, null, null, null);
        assertThat(csvHeader(all.detail())).containsExactly("Item code", "Name", "Barcode", "Site reference",
                "On hand", "Allocated", "Available");
        assertThat(all.totalCount()).isEqualTo(3);

        assertThat(soap.getReportData("Item inventory summary", 1, 0, "[Available] > 5", null, "Item code").detail())
                .isEqualTo("Item code\nA1\nC3\n");
    }

    @Test
    void despatchSummaryHasOneRowPerItemPerDespatchWithQuotedDayFirstDates() {
        soap.saveData("Sales orders", "SalesOrderNumber,CustomerPurchaseOrderReferenceNumber,Email\n"
                + "SO-1,PO-77,jane@example.com\n", 1);
        soap.saveData("Sales order items", "SalesOrderNumber,ItemCode,QuantityOrdered\nSO-1,A1,2\nSO-1,B2,1\n", 1);
        advance("SO-1", Map.of("to", "Despatched", "serviceType", "Royal Mail Tracked 48", "packages", List.of(
                Map.of("trackingNumber", "RM1", "lines", List.of(Map.of("itemCode", "A1", "quantity", 1))),
                Map.of("trackingNumber", "RM2", "lines", List.of(Map.of("itemCode", "A1", "quantity", 1),
                        Map.of("itemCode", "B2", "quantity", 1))))));

        SoapTestClient.Response report = soap.getReportData("Despatch summary", 1, 100,
                "[Despatch date] >= DateTime(2000,01,01,00,00,00)", "[Item code] asc",
                "[Salesorder number],[Despatch number],[Carrier],[Service],[Despatch date],[Tracking number],"
                        + "[Item code],[No of items],[Site reference],[Customer order reference],[Email]");
        assertThat(report.responseId()).as(report.detail()).isZero();
        List<CSVRecord> rows = csv(report.detail());
        assertThat(rows).hasSize(2);
        CSVRecord a1 = rows.get(0);
        assertThat(a1.get("Salesorder number")).isEqualTo("SO-1");
        assertThat(a1.get("Despatch number")).isEqualTo("DES000001");
        assertThat(a1.get("Carrier")).isEqualTo("Royal Mail");
        assertThat(a1.get("Service")).isEqualTo("Royal Mail Tracked 48");
        assertThat(a1.get("Despatch date")).matches("'\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}'");
        assertThat(a1.get("Tracking number")).isEqualTo("RM1");
        assertThat(a1.get("Item code")).isEqualTo("A1");
        assertThat(a1.get("No of items")).isEqualTo("2");
        assertThat(a1.get("Site reference")).isEqualTo("PrimarySite");
        assertThat(a1.get("Customer order reference")).isEqualTo("PO-77");
        assertThat(a1.get("Email")).isEqualTo("jane@example.com");
        assertThat(rows.get(1).get("Tracking number")).as("the despatch's, not the package's").isEqualTo("RM1");
    }

    @Test
    void aTenantsDespatchSummaryMayHavePackageDetailOrLackAColumn() {
        createOrder("SO-1", 0, "A1", "2", "B2", "1");
        advance("SO-1", Map.of("to", "Despatched", "packages", List.of(
                Map.of("trackingNumber", "RM1", "lines", List.of(Map.of("itemCode", "A1", "quantity", 1))),
                Map.of("trackingNumber", "RM2", "lines", List.of(Map.of("itemCode", "A1", "quantity", 1),
                        Map.of("itemCode", "B2", "quantity", 1))))));
        String columns = "[Despatch number],[Tracking number],[Item code],[No of items]";
        assertThat(soap.getReportColumns("Despatch summary").detail()).doesNotContain("Package tracking number")
                .contains("No of items", "Item weight", "Service type code");

        var packages = control(org.springframework.http.HttpMethod.PUT, "/reports/Despatch summary/columns",
                List.of("Despatch number", "Tracking number", "Package tracking number", "Item code", "No of items"));
        assertThat(packages.getStatusCode().value()).isEqualTo(200);
        assertThat(soap.getReportColumns("Despatch summary").detail())
                .isEqualTo("Despatch number,Tracking number,Package tracking number,Item code,No of items");
        assertThat(soap.getReportData("Despatch summary", 1, 0, "", null, columns + ",[Package tracking number]").detail())
                .isEqualTo("Despatch number,Tracking number,Item code,No of items,Package tracking number\n"
                        + "DES000001,RM1,A1,1,RM1\nDES000001,RM1,A1,1,RM2\nDES000001,RM1,B2,1,RM2\n");

        control(org.springframework.http.HttpMethod.PUT, "/reports/Despatch summary/columns",
                List.of("Despatch number", "Tracking number", "Item code"));
        SoapTestClient.Response lacking = soap.getReportData("Despatch summary", 1, 0, "", null, columns);
        assertThat(lacking.responseId()).isEqualTo(-1);
        assertThat(lacking.detail()).isEqualTo("Unknown column '[No of items]' in report 'Despatch summary'");

        var unknown = control(org.springframework.http.HttpMethod.PUT, "/reports/Despatch summary/columns",
                List.of("Package number"));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().get("error").asText()).startsWith("Report 'Despatch summary' has no column 'Package number'");

        controlOk(org.springframework.http.HttpMethod.PUT, "/reports/Despatch summary/columns", List.of());
        assertThat(soap.getReportColumns("Despatch summary").detail()).doesNotContain("Package tracking number")
                .contains("No of items");
    }

    @Test
    void returnSummaryAndSalesOrdersByStatus() {
        createOrder("SO-1", 0, "A1", "1");
        createOrder("SO-2", 1, "B2", "1");
        advance("SO-1", Map.of("to", "Despatched"));
        controlOk(HttpMethod.POST, "/returns/receive", Map.of("salesOrderNumber", "SO-1", "rmaNumber", "",
                "itemCode", "A1", "quantity", 1, "reason", "Too small", "condition", "Good", "reusable", true));

        List<CSVRecord> returns = csv(soap.getReportData("Return summary", 1, 0, null, null, null).detail());
        assertThat(returns).hasSize(1);
        assertThat(returns.get(0).get("Return code")).isEqualTo("RET000001");
        assertThat(returns.get(0).get("Item name")).isEqualTo("Item A1");
        assertThat(returns.get(0).get("Return reason")).isEqualTo("Too small");
        assertThat(returns.get(0).get("Return condition")).isEqualTo("Good");
        assertThat(returns.get(0).get("Is Reusable")).isEqualTo("True");
        assertThat(returns.get(0).get("Return date")).startsWith("'");

        SoapTestClient.Response byStatus = soap.getReportData("Sales orders by status", 1, 0,
                "[Status] == \"Despatched\"", null, null);
        assertThat(byStatus.detail()).isEqualTo("Sales order no.,Requested delivery date,Status,Site reference\n"
                + "SO-1,,Despatched,PrimarySite\n");
    }

    @Test
    void reportErrorsAreClear() {
        assertThat(soap.getReportData("Item inventory summary", 1, 0, null, null, "[Item code],[Colour]").detail())
                .isEqualTo("Unknown column '[Colour]' in report 'Item inventory summary'");
        assertThat(soap.getReportData("Item inventory summary", 1, 0, "[Colour] == 1", null, null).detail())
                .isEqualTo("Invalid SearchClause '[Colour] == 1': unknown field 'Colour' at position 1");
        assertThat(soap.getReportData("Item inventory summary", 1, 0, null, "[Colour] desc", null).detail())
                .isEqualTo("Unknown OrderBy column '[Colour]' in report 'Item inventory summary'");
        assertThat(soap.getReportData("Nope", 1, 0, null, null, null).detail()).isEqualTo("Report 'Nope' does not exist");
    }

    @Test
    void reportsPageLikeGetData() {
        SoapTestClient.Response page2 = soap.getReportData("Item inventory summary", 2, 2, null, "[Item code]",
                "[Item code]");
        assertThat(page2.totalCount()).isEqualTo(3);
        assertThat(page2.detail()).isEqualTo("Item code\nC3\n");
    }
}
