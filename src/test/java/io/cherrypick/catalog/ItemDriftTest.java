package io.cherrypick.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cherrypick.catalog.ItemDrift.Drift;
import io.cherrypick.store.SyncedItemStore.SyncedItem;

class ItemDriftTest {
    private static Map<String, String> row(String code, String name, String price, String attribute4) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("ItemCode", code);
        r.put("Name", name);
        r.put("Barcode", code);
        r.put("RetailPrice", price);
        r.put("Attribute4", attribute4);
        return r;
    }

    private static SyncedItem synced(String code, String name, String price, String attribute4) {
        return new SyncedItem(code, "01234", "BLK", "", "", "M", code, row(code, name, price, attribute4));
    }

    @Test
    void reportsHandMadeEditedAndMissingItemsAndIgnoresDeactivatedOnes() {
        List<Map<String, String>> peoplevox = List.of(
                row("A1", "Tee BLK M", "20.00", "SP25"),          // same (20 = 20.00)
                row("A2", "Tee BLK L", "20", "FA25"),             // Attribute4 edited in Peoplevox
                row("HAND1", "Sample", "1", ""),                  // made by hand
                row("OLD~D~", "Old", "1", ""));                   // deactivated: ignored
        Map<String, SyncedItem> synced = Map.of("A1", synced("A1", "Tee BLK M", "20", "SP25"),
                "A2", synced("A2", "Tee BLK L", "20", "SP25"), "GONE", synced("GONE", "Gone", "5", "SP25"));

        List<Drift> drifts = ItemDrift.compare(peoplevox, synced);

        assertThat(drifts).extracting(Drift::itemCode).containsExactly("A2", "HAND1", "GONE");
        assertThat(drifts.get(0).message()).contains("Item A2").contains("style 01234 colour BLK size M")
                .contains("Attribute4 is 'FA25' in Peoplevox but 'SP25' in Blue Cherry").doesNotContain("RetailPrice");
        assertThat(drifts.get(1).message()).contains("HAND1").contains("never synced from Blue Cherry");
        assertThat(drifts.get(2).message()).contains("GONE").contains("no longer in Peoplevox");
    }

    @Test
    void fieldsPeoplevoxDoesNotExportAreNotCompared() {
        List<Map<String, String>> peoplevox = List.of(Map.of("ItemCode", "A1", "Name", "Tee BLK M"));
        assertThat(ItemDrift.compare(peoplevox, Map.of("A1", synced("A1", "Tee BLK M", "20", "SP25")))).isEmpty();
    }
}
