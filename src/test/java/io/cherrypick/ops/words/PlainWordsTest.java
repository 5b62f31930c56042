package io.cherrypick.ops.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.cherrypick.failure.Category;
import io.cherrypick.failure.Owner;
import io.cherrypick.store.PurchaseOrderStore;
import io.cherrypick.store.ReceiptState;
import io.cherrypick.store.ReturnState;
import io.cherrypick.store.LifecycleState;

/** Every constant people meet has plain words and a meaning; every category a guided fix. */
class PlainWordsTest {
    static Stream<Arguments> constants() {
        return Stream.of(Arguments.of(PlainWords.ORDER_STATE, LifecycleState.values()),
                Arguments.of(PlainWords.RETURN_STATE, ReturnState.values()),
                Arguments.of(PlainWords.RECEIPT_STATE, ReceiptState.values()),
                Arguments.of(PlainWords.PURCHASE_ORDER_STATE, PurchaseOrderStore.State.values()),
                Arguments.of(PlainWords.CATEGORY, Category.values()),
                Arguments.of(PlainWords.OWNER, Owner.values()));
    }

    @ParameterizedTest
    @MethodSource("constants")
    void everyConstantHasPlainWordsAndAMeaning(String group, Enum<?>[] values) {
        List<String> known = PlainWords.all().get(group).stream().map(PlainWords.Word::constant).toList();
        assertThat(known).containsExactlyInAnyOrderElementsOf(Arrays.stream(values).map(Enum::name).toList());
        for (Enum<?> v : values) {
            PlainWords.Word w = PlainWords.word(group, v.name());
            assertThat(w.plain()).as(group + " " + v).isNotBlank().isNotEqualTo(v.name());
            assertThat(w.meaning()).as(group + " " + v).isNotBlank();
        }
    }

    @Test
    void everyCategoryHasAGuidedFixWithItsOwner() {
        for (Category c : Category.values()) {
            PlainWords.Guide g = PlainWords.guide(c);
            assertThat(g).as(c.name()).isNotNull();
            assertThat(g.owner()).isEqualTo(c.defaultOwner().name());
            assertThat(List.of(g.meaning(), g.usualFix(), g.whenToReplay(), g.ownerPlain())).allMatch(s -> !s.isBlank());
        }
    }

    @Test
    void anUnknownConstantStaysAsItIsAndAChannelQueueIsNamed() {
        assertThat(PlainWords.plain(PlainWords.FLOW, "some-new-flow")).isEqualTo("some-new-flow");
        assertThat(PlainWords.plain(PlainWords.FLOW, "stock-channel:web")).isEqualTo("Stock to sales channel web");
        assertThat(PlainWords.plain(PlainWords.ORDER_STATE, LifecycleState.HELD_IN_BLUE_CHERRY)).isEqualTo("Held: needs a fix");
        assertThat(PlainWords.plain(PlainWords.ORDER_STATE, null)).isEmpty();
    }
}
