package io.cherrypick.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The code lists' cache stays bounded whatever kinds are asked for (a kind comes from the ops API's path, the console,
 * a route): made-up kinds are not cached, kinds that hold values at most {@code cached-kinds}, and every answer is
 * still the database's.
 */
@SpringBootTest
@ActiveProfiles("test")
class ValueMappingCacheTest {
    private static final List<String> KINDS = List.of("cache-test-a", "cache-test-b", "cache-test-c", "cache-test-d",
            "cache-test-e");

    @Autowired NamedParameterJdbcTemplate jdbc;

    ValueMappingStore store;

    @BeforeEach
    void threeKindsAtMost() {
        store = new ValueMappingStore(jdbc, 3);
        KINDS.forEach(store::removeKind);
    }

    @AfterEach
    void clean() {
        KINDS.forEach(store::removeKind);
    }

    @Test
    void kindsThatHoldNoValuesAreAnsweredWithoutBeingCached() {
        for (int i = 0; i < 5_000; i++) {
            assertThat(store.all("made-up-" + i)).isEmpty();
            assertThat(store.lookup("made-up-" + i, "NJ")).isEmpty();
        }
        assertThat(store.all("x".repeat(10_000))).as("longer than any kind can be").isEmpty();
        assertThat(store.cachedKinds()).isZero();
    }

    @Test
    void atMostTheCapOfKindsIsCachedAndEveryKindStillAnswersItsValues() {
        for (String kind : KINDS) {
            store.put(kind, "NJ", kind + "-site");
        }
        for (int round = 0; round < 3; round++) {
            for (String kind : KINDS) {
                assertThat(store.all(kind)).isEqualTo(Map.of("NJ", kind + "-site"));
                assertThat(store.cachedKinds()).as("kinds cached").isLessThanOrEqualTo(3);
            }
        }
        assertThat(store.cachedKinds()).isEqualTo(3);
    }

    @Test
    void aChangeShowsAtOnceOnThisInstanceEvenForAKindThatHeldNothing() {
        assertThat(store.all("cache-test-a")).isEmpty();
        store.put("cache-test-a", "NJ", "PrimarySite");
        assertThat(store.lookup("cache-test-a", "NJ")).contains("PrimarySite");
        store.remove("cache-test-a", "NJ");
        assertThat(store.all("cache-test-a")).isEmpty();
    }

    @Test
    void theCapMustBePositive() {
        assertThatThrownBy(() -> new ValueMappingStore(jdbc, 0)).hasMessageContaining("cached-kinds");
    }
}
