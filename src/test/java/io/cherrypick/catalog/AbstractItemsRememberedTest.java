package io.cherrypick.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.bluecherry.model.StyleSku;
import io.cherrypick.catalog.PeoplevoxItemCatalog.KnownItem;
import io.cherrypick.store.SyncedItemStore;
import io.cherrypick.store.SyncedItemStore.Synced;

/**
 * The items a batch sent to Peoplevox are remembered in two batched statements per table (the known ones updated, the
 * others inserted), with the same result as one by one (each database).
 */
abstract class AbstractItemsRememberedTest {
    @Autowired PeoplevoxItemCatalog catalog;
    @Autowired SyncedItemStore synced;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired TransactionTemplate tx;

    @BeforeEach
    void clean() {
        jdbc.update("delete from pvx_item where item_code like 'REM-%'");
        jdbc.update("delete from item_sku where item_code like 'REM-%'");
    }

    @Test
    void knownItemsAreUpdatedAndNewOnesInsertedInOneBatch() {
        catalog.remember("REM-1", "111", "old-fp", "LOOKUP");
        catalog.rememberAll(List.of(new KnownItem("REM-1", "111", "fp-1", "SYNC"), new KnownItem("REM-2", "222", "fp-2", "SYNC"),
                new KnownItem("REM-3", null, null, "SYNC")));

        assertThat(jdbc.queryForList("select item_code, barcode, fingerprint, source from pvx_item where item_code like 'REM-%'"
                + " order by item_code")).extracting(r -> r.get("item_code") + " " + r.get("barcode") + " " + r.get("fingerprint")
                + " " + r.get("source")).containsExactly("REM-1 111 fp-1 SYNC", "REM-2 222 fp-2 SYNC", "REM-3 null null SYNC");

        catalog.rememberAll(List.of(new KnownItem("REM-3", "333", null, "SYNC")));
        assertThat(jdbc.queryForObject("select barcode from pvx_item where item_code = 'REM-3'", String.class)).isEqualTo("333");
        catalog.rememberAll(List.of());
    }

    @Test
    void anItemInsertedByAnotherWriterBetweenTheUpdateAndTheInsertIsUpdatedAndTheTransactionGoesOn() {
        // the same item twice in one batch: the update finds neither, the insert writes the first and meets the first
        // as another writer's row for the second, which is then updated; on PostgreSQL a duplicate-key failure would
        // have left the caller's transaction unable to run anything else
        tx.executeWithoutResult(status -> {
            catalog.rememberAll(List.of(new KnownItem("REM-9", "999", "fp-first", "SYNC"),
                    new KnownItem("REM-9", "999", "fp-second", "SYNC")));
            assertThat(jdbc.queryForObject("select fingerprint from pvx_item where item_code = 'REM-9'", String.class))
                    .as("the later write wins, in the same transaction").isEqualTo("fp-second");
        });
        assertThat(jdbc.queryForObject("select count(*) from pvx_item where item_code = 'REM-9'", Integer.class)).isEqualTo(1);
    }

    @Test
    void itemsBelievedNewAreInsertedAndOneKnownAfterAllIsUpdatedInTheSameTransaction() {
        catalog.remember("REM-1", "111", "old-fp", "LOOKUP"); // another instance remembered it meanwhile
        tx.executeWithoutResult(status -> catalog.rememberAllNew(List.of(new KnownItem("REM-1", "111", "fp-1", "SYNC"),
                new KnownItem("REM-2", "222", "fp-2", "SYNC"), new KnownItem("REM-2", "222", "fp-2b", "SYNC"))));

        assertThat(jdbc.queryForList("select item_code, fingerprint, source from pvx_item where item_code like 'REM-%'"
                + " order by item_code")).extracting(r -> r.get("item_code") + " " + r.get("fingerprint") + " " + r.get("source"))
                .as("the known one updated, the new one inserted, its second write in the batch wins")
                .containsExactly("REM-1 fp-1 SYNC", "REM-2 fp-2b SYNC");
        catalog.rememberAllNew(List.of());
    }

    @Test
    void skusBelievedNewAreInsertedAndOneStoredAfterAllIsUpdated() throws Exception {
        synced.save("REM-1", sku("RED"), "111", "r1", Map.of("ItemCode", "REM-1"));
        synced.saveAllNew(List.of(new Synced("REM-1", sku("RED"), "111", "r2", Map.of("ItemCode", "REM-1", "Name", "new")),
                new Synced("REM-2", sku("BLUE"), "222", "r1", Map.of("ItemCode", "REM-2"))));

        assertThat(jdbc.queryForList("select item_code, color_code, revision from item_sku where item_code like 'REM-%'"
                + " order by item_code")).extracting(r -> r.get("item_code") + " " + r.get("color_code") + " " + r.get("revision"))
                .containsExactly("REM-1 RED r2", "REM-2 BLUE r1");
        assertThat(synced.find(List.of("REM-1")).get("REM-1").mappedRow()).containsEntry("Name", "new");
    }

    @Test
    void skusSentAreStoredOrUpdatedInOneBatch() throws Exception {
        StyleSku red = sku("RED");
        synced.save("REM-1", red, "111", "r1", Map.of("ItemCode", "REM-1"));
        synced.saveAll(List.of(new Synced("REM-1", red, "111", "r2", Map.of("ItemCode", "REM-1", "Name", "new")),
                new Synced("REM-2", sku("BLUE"), "222", "r2", Map.of("ItemCode", "REM-2"))));

        assertThat(jdbc.queryForList("select item_code, color_code, revision from item_sku where item_code like 'REM-%'"
                + " order by item_code")).extracting(r -> r.get("item_code") + " " + r.get("color_code") + " " + r.get("revision"))
                .containsExactly("REM-1 RED r2", "REM-2 BLUE r2");
        assertThat(synced.find(List.of("REM-1")).get("REM-1").mappedRow()).containsEntry("Name", "new");
    }

    private StyleSku sku(String color) throws Exception {
        return new StyleSku(json.readTree("{\"style\":\"REM\"}"), json.readTree("{}"),
                json.readTree("{\"color_code\":\"" + color + "\",\"lbl_code\":\"\",\"dimension\":\"\",\"size_desc\":\"M\"}"));
    }
}
