package io.cherrypick.simulator.peoplevox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** SaveData: upsert, subset headers, per-row statuses, partial saves, validation, order rules, delete. */
class PeoplevoxSaveDataTest extends PeoplevoxTestSupport {

    @BeforeEach
    void login() {
        soap.login();
    }

    private CSVRecord item(String itemCode) {
        List<CSVRecord> records = csv(soap.getData("Item types", "ItemCode == \"" + itemCode + "\"").detail());
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void upsertsByKeyAndWritesOnlyTheHeaderFields() {
        SoapTestClient.Response created = soap.saveData("Item types",
                "\n\nItemCode,Name,Barcode,Weight\nA1,Shirt,111,0.4\nB2,Trousers,222,0.9\n");
        assertThat(created.responseId()).isZero();
        assertThat(created.totalCount()).isEqualTo(2);
        assertThat(created.detail()).isNull();
        assertThat(created.statuses()).containsExactly(new SoapTestClient.Status("A1", "Success"),
                new SoapTestClient.Status("B2", "Success"));

        SoapTestClient.Response updated = soap.saveData("Item types", "ItemCode,Name\nA1,Blue shirt\n");
        assertThat(updated.responseId()).isZero();
        CSVRecord a1 = item("A1");
        assertThat(a1.get("Name")).isEqualTo("Blue shirt");
        assertThat(a1.get("Barcode")).isEqualTo("111");
        assertThat(a1.get("Weight")).isEqualTo("0.4");

        // An empty cell clears the field (assumed).
        soap.saveData("Item types", "ItemCode,Weight\nA1,\n");
        assertThat(item("A1").get("Weight")).isEmpty();
        assertThat(soap.getData("Item types", null).totalCount()).isEqualTo(2);
    }

    @Test
    void partialSaveReportsEachFailedRowAndSavesTheRest() {
        SoapTestClient.Response response = soap.saveData("Item types",
                "ItemCode,Name,Barcode\nA1,Shirt,111\nB2,Trousers,\nC3,Hat,333\nD4,Sock,111\n");

        assertThat(response.httpStatus()).isEqualTo(200);
        assertThat(response.responseId()).isEqualTo(-1);
        assertThat(response.totalCount()).isEqualTo(2);
        assertThat(response.detail()).isEqualTo("Row 2 (B2): Barcode is required\n"
                + "Row 4 (D4): Barcode '111' is already used by item 'A1'");
        assertThat(response.statuses()).extracting(SoapTestClient.Status::status)
                .containsExactly("Success", "Error", "Success", "Error");
        assertThat(response.statuses()).extracting(SoapTestClient.Status::reference)
                .containsExactly("A1", "B2", "C3", "D4");
        assertThat(soap.getData("Item types", null).totalCount()).isEqualTo(2);
    }

    @Test
    void nothingSavedAnswersMinusOneWithTotalCountZero() {
        SoapTestClient.Response response = soap.saveData("Item types", "ItemCode,Name\nA1,Shirt\n");
        assertThat(response.responseId()).isEqualTo(-1);
        assertThat(response.totalCount()).isZero();
        assertThat(response.detail()).isEqualTo("Row 1 (A1): Barcode is required");
    }

    @Test
    void barcodesAndItemCodesIdentifyOneItem() {
        soap.saveData("Item types", "ItemCode,Barcode\nA1,111\nB2,222\n");
        assertThat(soap.saveData("Item types", "ItemCode,Barcode\nC3,222\n").detail())
                .isEqualTo("Row 1 (C3): Barcode '222' is already used by item 'B2'");
        assertThat(soap.saveData("Item types", "ItemCode,Barcode\nC3,A1\n").detail())
                .isEqualTo("Row 1 (C3): Barcode 'A1' is already the ItemCode of item 'A1'");
        assertThat(soap.saveData("Item types", "ItemCode,Barcode\n111,999\n").detail())
                .isEqualTo("Row 1 (111): ItemCode '111' is already the Barcode of item 'A1'");
        // Changing an item's own barcode is fine.
        assertThat(soap.saveData("Item types", "ItemCode,Barcode\nA1,112\n").responseId()).isZero();
    }

    @Test
    void validatesLengthsTypesAndUnknownFields() {
        String longCode = "X".repeat(51);
        SoapTestClient.Response response = soap.saveData("Item types", "ItemCode,Barcode,Weight,HasSerialNumbers\n"
                + longCode + ",1,1,true\nB2,2,heavy,false\nC3,3,1,maybe\n");
        assertThat(response.totalCount()).isZero();
        assertThat(response.detail()).isEqualTo("Row 1 (" + longCode + "): ItemCode is longer than 50 characters\n"
                + "Row 2 (B2): Weight 'heavy' is not a number\n"
                + "Row 3 (C3): HasSerialNumbers 'maybe' is not True or False");

        SoapTestClient.Response unknown = soap.saveData("Item types", "ItemCode,Barcode,Colour\nA1,1,red\n");
        assertThat(unknown.detail()).isEqualTo("Row 1 (A1): Unknown field 'Colour' for template 'Item types'");

        SoapTestClient.Response order = soap.saveData("Sales orders",
                "SalesOrderNumber,Customer\n" + "S".repeat(31) + ",Jane\n");
        assertThat(order.detail()).endsWith("SalesOrderNumber is longer than 30 characters");
        assertThat(soap.saveData("Sales orders", "Customer\nJane\n").detail())
                .isEqualTo("Row 1: SalesOrderNumber is required");
    }

    @Test
    void wholeRequestErrors() {
        SoapTestClient.Response empty = soap.saveData("Item types", "  \n");
        assertThat(empty.responseId()).isEqualTo(-1);
        assertThat(empty.detail()).isEqualTo("CsvData is empty; the first line must be the header");

        assertThat(soap.saveData("Despatches", "DespatchNumber\nDES1\n").detail())
                .isEqualTo("Template 'Despatches' does not exist or is not configured");
        assertThat(soap.saveData("Item types", "ItemCode,Barcode\nA1,1\n", 7).detail())
                .isEqualTo("Action 7 is not valid; use 0 (default), 1 (do not allocate) or 2 (delete)");
    }

    @Test
    void salesOrderStatusCanOnlyBeSetToCancelled() {
        seedItems("A1");
        seedStock("A1", "PrimarySite", 5);
        createOrder("SO-1", 0, "A1", "2");
        assertThat(order("SO-1").get("status").asText()).isEqualTo("Allocated");

        SoapTestClient.Response despatched = soap.saveData("Sales orders", "SalesOrderNumber,Status\nSO-1,Despatched\n");
        assertThat(despatched.responseId()).isEqualTo(-1);
        assertThat(despatched.detail())
                .isEqualTo("Row 1 (SO-1): Status 'Despatched' cannot be set; only 'Cancelled' is permitted on import");

        SoapTestClient.Response cancelled = soap.saveData("Sales orders", "SalesOrderNumber,Status\nSO-1,Cancelled\n");
        assertThat(cancelled.responseId()).isZero();
        JsonNode order = order("SO-1");
        assertThat(order.get("status").asText()).isEqualTo("Cancelled");
        JsonNode stock = controlOk(HttpMethod.GET, "/state", null).get("stock").get(0);
        assertThat(stock.get("allocated").asInt()).isZero();
        assertThat(stock.get("available").asInt()).isEqualTo(5);
        assertThat(csv(soap.getData("Sales orders", "SalesOrderNumber == \"SO-1\"").detail()).get(0).get("Status"))
                .isEqualTo("Cancelled");

        assertThat(soap.saveData("Sales orders", "SalesOrderNumber,Status\nSO-9,Cancelled\n").detail())
                .isEqualTo("Row 1 (SO-9): Sales order 'SO-9' does not exist and cannot be created as Cancelled");
    }

    @Test
    void cancellingIsRefusedOnceDespatched() {
        seedItems("A1");
        seedStock("A1", "PrimarySite", 5);
        createOrder("SO-1", 0, "A1", "1");
        advance("SO-1", Map.of("to", "Despatched"));

        SoapTestClient.Response response = soap.saveData("Sales orders", "SalesOrderNumber,Status\nSO-1,cancelled\n");
        assertThat(response.responseId()).isEqualTo(-1);
        assertThat(response.detail()).isEqualTo("Row 1 (SO-1): Sales order 'SO-1' is Despatched and cannot be cancelled");
        assertThat(order("SO-1").get("status").asText()).isEqualTo("Despatched");
    }

    @Test
    void siteAndServiceTypeMustExist() {
        SoapTestClient.Response response = soap.saveData("Sales orders",
                "SalesOrderNumber,Site,ServiceType\nSO-1,Mars,\nSO-2,LondonSite,Pigeon\nSO-3,London,UPS Ground\n");
        assertThat(response.responseId()).isEqualTo(-1);
        assertThat(response.totalCount()).isEqualTo(1);
        assertThat(response.detail()).isEqualTo("Row 1 (SO-1): Site 'Mars' does not exist\n"
                + "Row 2 (SO-2): ServiceType 'Pigeon' does not exist");
        // A site may be given by name; it is stored as its reference.
        assertThat(order("SO-3").get("site").asText()).isEqualTo("LondonSite");
    }

    @Test
    void orderLinesFailOnUnknownItemsOrOrders() {
        seedItems("A1");
        soap.saveData("Sales orders", "SalesOrderNumber\nSO-1\n");
        SoapTestClient.Response response = soap.saveData("Sales order items",
                "SalesOrderNumber,ItemCode,QuantityOrdered\nSO-1,X,1\nSO-404,A1,1\n");
        assertThat(response.responseId()).isEqualTo(-1);
        assertThat(response.totalCount()).isZero();
        assertThat(response.detail()).isEqualTo("Row 1 (SO-1): ItemCode 'X' does not exist\n"
                + "Row 2 (SO-404): Sales order 'SO-404' does not exist");
    }

    @Test
    void linesOfOneOrderAreSavedTogetherOrNotAtAll() {
        seedItems("A1", "B2");
        soap.saveData("Sales orders", "SalesOrderNumber\nSO-1001\nSO-1002\n", 1);

        SoapTestClient.Response response = soap.saveData("Sales order items",
                "SalesOrderNumber,ItemCode,QuantityOrdered,Line\n"
                        + "SO-1001,A1,1,1\nSO-1002,A1,2,1\nSO-1002,X,1,2\nSO-1001,B2,3,2\n");

        assertThat(response.responseId()).isEqualTo(-1);
        assertThat(response.totalCount()).isEqualTo(2);
        assertThat(response.statuses()).containsExactly(new SoapTestClient.Status("SO-1001", "Success"),
                new SoapTestClient.Status("SO-1002", "Error"), new SoapTestClient.Status("SO-1002", "Error"),
                new SoapTestClient.Status("SO-1001", "Success"));
        assertThat(response.detail()).isEqualTo(
                "Row 2 (SO-1002): not saved because row 3 of the same sales order failed\n"
                        + "Row 3 (SO-1002): ItemCode 'X' does not exist");
        assertThat(order("SO-1001").get("lines")).hasSize(2);
        assertThat(order("SO-1002").get("lines")).isEmpty();
    }

    @Test
    void updatingAnOrderAddsOrEditsLinesButNeverRemovesThem() {
        seedItems("A1", "B2", "C3");
        soap.saveData("Sales orders", "SalesOrderNumber\nSO-1\n", 1);
        soap.saveData("Sales order items", "SalesOrderNumber,ItemCode,QuantityOrdered,Line\nSO-1,A1,1,1\nSO-1,B2,1,2\n", 1);

        SoapTestClient.Response update = soap.saveData("Sales order items",
                "SalesOrderNumber,ItemCode,QuantityOrdered,Line\nSO-1,B2,5,2\nSO-1,C3,1,3\n", 1);
        assertThat(update.responseId()).isZero();
        JsonNode lines = order("SO-1").get("lines");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("itemCode").asText()).isEqualTo("A1");
        assertThat(lines.get(1).get("quantity").asInt()).isEqualTo(5);
        assertThat(lines.get(2).get("itemCode").asText()).isEqualTo("C3");

        // Without Line, the line is found by ItemCode.
        soap.saveData("Sales order items", "SalesOrderNumber,ItemCode,SalePrice\nSO-1,A1,9.99\n", 1);
        assertThat(order("SO-1").get("lines").get(0).get("fields").get("SalePrice").asDouble()).isEqualTo(9.99);
        assertThat(order("SO-1").get("lines")).hasSize(3);

        assertThat(soap.saveData("Sales order items", "SalesOrderNumber,ItemCode\nSO-1,A1\n", 2).detail())
                .isEqualTo("Row 1 (SO-1): Sales order lines cannot be removed");
    }

    @Test
    void linesCannotChangeOnceTheOrderIsPastNew() {
        seedItems("A1");
        seedStock("A1", "PrimarySite", 5);
        createOrder("SO-1", 0, "A1", "1");
        assertThat(order("SO-1").get("status").asText()).isEqualTo("Allocated");

        SoapTestClient.Response response = soap.saveData("Sales order items",
                "SalesOrderNumber,ItemCode,QuantityOrdered,Line\nSO-1,A1,3,1\n");
        assertThat(response.responseId()).isEqualTo(-1);
        assertThat(response.detail())
                .isEqualTo("Row 1 (SO-1): Sales order 'SO-1' is Allocated; its lines can no longer be changed");
        // Header fields can still be updated.
        assertThat(soap.saveData("Sales orders", "SalesOrderNumber,Email\nSO-1,new@example.com\n").responseId()).isZero();
    }

    @Test
    void actionOneDoesNotAllocateActionZeroDoesWhenStockAllows() {
        seedItems("A1");
        seedStock("A1", "PrimarySite", 3);
        createOrder("SO-HOLD", 1, "A1", "2");
        assertThat(order("SO-HOLD").get("status").asText()).isEqualTo("New");
        assertThat(order("SO-HOLD").get("allocationHeld").asBoolean()).isTrue();

        createOrder("SO-AUTO", 0, "A1", "2");
        assertThat(order("SO-AUTO").get("status").asText()).isEqualTo("Allocated");

        // Not enough stock left: the order waits in New until stock arrives.
        createOrder("SO-WAIT", 0, "A1", "2");
        assertThat(order("SO-WAIT").get("status").asText()).isEqualTo("New");
        controlOk(HttpMethod.POST, "/stock", Map.of("itemCode", "A1", "site", "PrimarySite", "delta", 5));
        assertThat(order("SO-WAIT").get("status").asText()).isEqualTo("Allocated");
        assertThat(order("SO-HOLD").get("status").asText()).isEqualTo("New");
    }

    @Test
    void deleteMarksTheKeyWithTildeD() {
        soap.saveData("Item types", "ItemCode,Barcode\nA1,111\n");
        SoapTestClient.Response deleted = soap.saveData("Item types", "ItemCode\nA1\n", 2);
        assertThat(deleted.responseId()).isZero();
        assertThat(deleted.statuses()).containsExactly(new SoapTestClient.Status("A1", "Success"));
        assertThat(csv(soap.getData("Item types", null).detail())).extracting(r -> r.get("ItemCode"))
                .containsExactly("A1~D~");
        // The code is free again.
        assertThat(soap.saveData("Item types", "ItemCode,Barcode\nA1,112\n").responseId()).isZero();
        assertThat(soap.saveData("Item types", "ItemCode\nZZ\n", 2).detail())
                .isEqualTo("Row 1 (ZZ): Item types record 'ZZ' does not exist");
        assertThat(soap.saveData("Sales orders", "SalesOrderNumber\nSO-1\n", 2).detail())
                .isEqualTo("Row 1 (SO-1): Sales orders cannot be deleted; set Status to 'Cancelled' instead");
    }

    @Test
    void itemsWithStockCannotBeDeleted() {
        seedItems("A1");
        seedStock("A1", "PrimarySite", 1);
        assertThat(soap.saveData("Item types", "ItemCode\nA1\n", 2).detail())
                .isEqualTo("Row 1 (A1): Item 'A1' has stock and cannot be deleted");
    }

    @Test
    void masterDataTemplatesUpsertAndValidate() {
        SoapTestClient.Response sites = soap.saveData("Sites", "Name,Reference\nLeeds,LeedsSite\n");
        assertThat(sites.statuses()).containsExactly(new SoapTestClient.Status("LeedsSite", "Success"));
        SoapTestClient.Response services = soap.saveData("Service types",
                "Carrier,Name,Code\nDHL,DHL Express,DHLX\nPigeon Post,Wings,W1\n");
        assertThat(services.detail()).isEqualTo("Row 2 (Wings): Carrier 'Pigeon Post' does not exist");
        assertThat(soap.saveData("Carriers", "Name,Reference\nEvri,EVRI\n").responseId()).isZero();
        assertThat(soap.getData("Carriers", "Name == \"Evri\"").totalCount()).isEqualTo(1);

        seedItems("A1");
        SoapTestClient.Response po = soap.saveData("Purchase orders",
                "PurchaseOrderNumber,Supplier,Status\nPO-1,Acme,\nPO-2,Acme,Complete\n");
        assertThat(po.detail()).isEqualTo("Row 2 (PO-2): Status 'Complete' cannot be set; use Pending, Cancelled or Deleted");
        assertThat(csv(soap.getData("Purchase orders", null).detail()).get(0).get("Status")).isEqualTo("Pending");
        SoapTestClient.Response poItems = soap.saveData("Purchase order items",
                "PurchaseOrderNumber,ItemCode,Quantity,Line\nPO-1,A1,10,1\nPO-9,A1,1,1\n");
        assertThat(poItems.detail()).isEqualTo("Row 2 (PO-9): PurchaseOrderNumber 'PO-9' does not exist");
    }

    @Test
    void expectedReturnsNeedAnOrderHoldingTheItem() {
        seedItems("A1", "B2");
        soap.saveData("Sales orders", "SalesOrderNumber\nSO-1\n", 1);
        soap.saveData("Sales order items", "SalesOrderNumber,ItemCode,QuantityOrdered\nSO-1,A1,2\n", 1);

        SoapTestClient.Response response = soap.saveData("Returns",
                "RmaNumber,SalesOrderNumber,ItemCode,Quantity,ReturnReason\n"
                        + "RMA-1,SO-1,A1,1,Too small\nRMA-2,SO-1,B2,1,\nRMA-3,SO-404,A1,1,\n");
        assertThat(response.totalCount()).isEqualTo(1);
        assertThat(response.detail()).isEqualTo("Row 2 (RMA-2): ItemCode 'B2' is not on sales order 'SO-1'\n"
                + "Row 3 (RMA-3): SalesOrderNumber 'SO-404' does not exist");
        JsonNode expected = controlOk(HttpMethod.GET, "/state", null).get("expectedReturns");
        assertThat(expected).hasSize(1);
        assertThat(expected.get(0).get("rmaNumber").asText()).isEqualTo("RMA-1");
        assertThat(expected.get(0).get("reason").asText()).isEqualTo("Too small");
        assertThat(csv(soap.getData("Returns", null).detail()).get(0).get("ReturnReason")).isEqualTo("Too small");
    }
}
