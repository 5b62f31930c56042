package io.cherrypick.simulator.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GetData and GetSaveTemplate: CSV format, paging, search clauses, configured templates. */
class PeoplevoxGetDataTest extends PeoplevoxTestSupport {

    @BeforeEach
    void login() {
        soap.login();
    }

    private void saveItems(int count) {
        StringBuilder csv = new StringBuilder("ItemCode,Name,Barcode,Weight\n");
        for (int i = 1; i <= count; i++) {
            csv.append(String.format("SKU-%02d,Item %d,%08d,%d.5%n", i, i, i, i));
        }
        SoapTestClient.Response saved = soap.saveData("Item types", csv.toString());
        assertThat(saved.responseId()).as(saved.detail()).isZero();
        assertThat(saved.totalCount()).isEqualTo(count);
    }

    @Test
    void pagesAreOneBasedAndTotalCountCountsAllMatches() {
        saveItems(25);

        SoapTestClient.Response page1 = soap.getData("Item types", 1, 10, null);
        assertThat(page1.totalCount()).isEqualTo(25);
        assertThat(csv(page1.detail())).extracting(r -> r.get("ItemCode")).first().isEqualTo("SKU-01");
        assertThat(csv(page1.detail())).hasSize(10);

        SoapTestClient.Response page3 = soap.getData("Item types", 3, 10, null);
        assertThat(page3.totalCount()).isEqualTo(25);
        assertThat(csv(page3.detail())).extracting(r -> r.get("ItemCode"))
                .containsExactly("SKU-21", "SKU-22", "SKU-23", "SKU-24", "SKU-25");

        SoapTestClient.Response beyond = soap.getData("Item types", 4, 10, null);
        assertThat(beyond.totalCount()).isEqualTo(25);
        assertThat(csv(beyond.detail())).isEmpty();
        assertThat(beyond.detail()).startsWith("ItemCode,Name,Barcode,").endsWith("\n");

        assertThat(csv(soap.getData("Item types", 1, 0, null).detail())).hasSize(25);
        SoapTestClient.Response withoutPaging = soap.getData("Item types", null, null, null);
        assertThat(withoutPaging.httpStatus()).as("PageNo and ItemsPerPage are required (minOccurs 1)").isEqualTo(500);
        assertThat(withoutPaging.faultString()).isEqualTo("Server was unable to read request. ---> There is an error in"
                + " XML document. ---> The element 'getRequest' in namespace 'http://www.peoplevox.net/' has incomplete"
                + " content. List of possible elements expected: 'PageNo', 'ItemsPerPage' in namespace"
                + " 'http://www.peoplevox.net/'.");
    }

    @Test
    void readingEveryPageGivesEveryRecordOnce() {
        saveItems(23);
        List<String> codes = new ArrayList<>();
        int total;
        int page = 1;
        do {
            SoapTestClient.Response response = soap.getData("Item types", page++, 5, null);
            total = response.totalCount();
            csv(response.detail()).forEach(record -> codes.add(record.get("ItemCode")));
        } while (codes.size() < total);
        assertThat(codes).hasSize(23).doesNotHaveDuplicates();
    }

    @Test
    void pageSizeIsCappedAtTheConfiguredCap() {
        saveItems(12);
        config(Map.of("pageCap", 5));
        SoapTestClient.Response capped = soap.getData("Item types", 1, 10, null);
        assertThat(capped.totalCount()).isEqualTo(12);
        assertThat(csv(capped.detail())).hasSize(5);
        assertThat(csv(soap.getData("Item types", 3, 10, null).detail())).hasSize(2);
        // ItemsPerPage 0 still returns everything
        assertThat(csv(soap.getData("Item types", 1, 0, null).detail())).hasSize(12);
    }

    @Test
    void csvIsQuotedWhereNeededAndEndsWithANewline() {
        SoapTestClient.Response saved = soap.saveData("Item types",
                "ItemCode,Name,Barcode,Description\nA1,\"Shirt, blue\",111,\"Says \"\"hi\"\"\nand more\"\n");
        assertThat(saved.responseId()).as(saved.detail()).isZero();

        SoapTestClient.Response data = soap.getData("Item types", "ItemCode == \"A1\"");
        assertThat(data.detail()).endsWith("\n");
        assertThat(data.detail()).contains("A1,\"Shirt, blue\",111,");
        CSVRecord record = csv(data.detail()).get(0);
        assertThat(record.get("Name")).isEqualTo("Shirt, blue");
        assertThat(record.get("Description")).isEqualTo("Says \"hi\"\nand more");
        assertThat(record.get("UnitOfMeasure")).isEqualTo("EA");
    }

    @Test
    void datesAreExportedDayFirstAndComparedAsDates() {
        soap.saveData("Sales orders", "SalesOrderNumber,CreatedDate,RequestedDeliveryDate\n"
                + "SO-1,2024-05-01 10:00:00,2024-05-03 00:00:00\nSO-2,2024-06-15 08:30:00,\n");

        SoapTestClient.Response data = soap.getData("Sales orders", "CreatedDate >= DateTime(2024,06,01,00,00,00)");
        assertThat(data.totalCount()).isEqualTo(1);
        CSVRecord record = csv(data.detail()).get(0);
        assertThat(record.get("SalesOrderNumber")).isEqualTo("SO-2");
        assertThat(record.get("CreatedDate")).isEqualTo("15/06/2024 08:30:00");
        assertThat(record.get("RequestedDeliveryDate")).isEmpty();
        assertThat(record.get("Status")).isEqualTo("New");
        assertThat(record.get("Site")).isEqualTo("PrimarySite");
    }

    @Test
    void searchClausesFilterOnTemplateFields() {
        saveItems(12);
        assertThat(soap.getData("Item types", "ItemCode.StartsWith(\"SKU-1\")").totalCount()).isEqualTo(3);
        // 9.5, 10.5 and 11.5 (12.5 ends with 2)
        assertThat(soap.getData("Item types", "Weight > 9 AND !ItemCode.EndsWith(\"2\")").totalCount()).isEqualTo(3);
        assertThat(soap.getData("Item types",
                "(ItemCode == \"SKU-01\" OR ItemCode == \"SKU-02\") or Barcode.Equals(\"00000003\")").totalCount())
                .isEqualTo(3);
        assertThat(soap.getData("Item types", "Name.Contains(\"item 1\")").totalCount()).isEqualTo(4);
    }

    @Test
    void badSearchClausesAndUnknownTemplatesFailWithAClearDetail() {
        SoapTestClient.Response badClause = soap.getData("Item types", "Colour == \"red\"");
        assertThat(badClause.httpStatus()).isEqualTo(200);
        assertThat(badClause.responseId()).isEqualTo(-1);
        assertThat(badClause.totalCount()).isZero();
        assertThat(badClause.detail())
                .isEqualTo("Invalid SearchClause 'Colour == \"red\"': unknown field 'Colour' at position 1");

        assertThat(soap.getData("Item types", "ItemCode == ").detail())
                .isEqualTo("Invalid SearchClause 'ItemCode == ': expected a value but found end of clause at position 13");

        SoapTestClient.Response unknown = soap.getData("Widgets", null);
        assertThat(unknown.responseId()).isEqualTo(-1);
        assertThat(unknown.detail()).isEqualTo("Template 'Widgets' does not exist or is not configured");
        assertThat(soap.getSaveTemplate("Widgets").detail())
                .isEqualTo("Template 'Widgets' does not exist or is not configured");
    }

    @Test
    void saveTemplateReturnsTheConfiguredHeaderLine() {
        SoapTestClient.Response orders = soap.getSaveTemplate("Sales orders");
        assertThat(orders.responseId()).isZero();
        assertThat(orders.detail()).startsWith("SalesOrderNumber,Customer,CustomerPurchaseOrderReferenceNumber,")
                .endsWith(",ChannelName,Site,OnHold,Attribute1,Attribute2,Attribute3,Attribute4,Attribute5");
        assertThat(soap.getSaveTemplate("Sales order items").detail())
                .isEqualTo("SalesOrderNumber,ItemCode,QuantityOrdered,RequestedDeliveryDate,Line,Sequence,SalePrice");
        assertThat(soap.getSaveTemplate("Returns").detail())
                .isEqualTo("RmaNumber,SalesOrderNumber,ItemCode,Quantity,ReturnReason,Comments,Site");
        assertThat(soap.getSaveTemplate("Despatches").detail()).as("no public source lists its fields: not simulated")
                .isEqualTo("Template 'Despatches' does not exist or is not configured");
    }

    @Test
    void tenantTemplateConfigurationChangesExportsAndImports() {
        config(Map.of("templates", Map.of("Item types", List.of("Barcode", "ItemCode", "Name"))));
        assertThat(soap.getSaveTemplate("item types").detail()).isEqualTo("Barcode,ItemCode,Name");

        assertThat(soap.saveData("Item types", "ItemCode,Name,Barcode\nA1,Shirt,111\n").responseId()).isZero();
        assertThat(soap.getData("Item types", null).detail()).isEqualTo("Barcode,ItemCode,Name\n111,A1,Shirt\n");

        SoapTestClient.Response removedField = soap.saveData("Item types", "ItemCode,Barcode,Weight\nA2,222,1.5\n");
        assertThat(removedField.responseId()).isEqualTo(-1);
        assertThat(removedField.detail()).isEqualTo("Row 1 (A2): Unknown field 'Weight' for template 'Item types'");

        var invalid = control(org.springframework.http.HttpMethod.PUT, "/config",
                Map.of("templates", Map.of("Item types", List.of("ItemCode", "Colour"))));
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody().get("error").asText()).startsWith("Template 'Item types' has no field 'Colour'");
    }

    @Test
    void salesOrderItemsExportTheWarehouseState() {
        seedItems("A1", "B2");
        seedStock("A1", "PrimarySite", 10);
        seedStock("B2", "PrimarySite", 10);
        createOrder("SO-1", 0, "A1", "2", "B2", "1");
        advance("SO-1", Map.of("to", "Despatched", "carrier", "DHL", "packages", List.of(
                Map.of("trackingNumber", "TRK-1", "weight", 1.5, "lines", List.of(Map.of("itemCode", "A1", "quantity", 2))),
                Map.of("trackingNumber", "TRK-2", "lines", List.of(Map.of("itemCode", "B2", "quantity", 1))))));

        List<CSVRecord> lines = csv(soap.getData("Sales order items", "SalesOrderNumber == \"SO-1\"").detail());
        assertThat(lines).extracting(r -> r.get("ItemCode") + "x" + r.get("QuantityOrdered") + "@" + r.get("Line"))
                .containsExactly("A1x2@1", "B2x1@2");

        // despatches are read from the Despatch summary report (PeoplevoxReportsTest)
    }
}
