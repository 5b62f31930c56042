package io.cherrypick.flow.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cherrypick.failure.Category;
import io.cherrypick.failure.Problem;
import io.cherrypick.support.DefaultSettings;

/** The checks of one mapped row (uniqueness against the database is covered by ItemSenderTest). */
class ItemValidatorTest {
    private final ItemValidator validator = new ItemValidator(DefaultSettings.of("cherrypick.flows.item", ItemFlowProperties.class), null, null);
    private static final Map<String, String> MAPPING = Map.of("ItemCode", "item_code", "Barcode", "barcode",
            "Name", "{style_name} {color_code} {size_desc}");
    private static final String LABEL = "Style 01234 colour BLK size M (ItemCode 012345678905)";

    private static Map<String, String> row(String... pairs) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("ItemCode", "012345678905");
        row.put("Name", "Classic Tee BLK M");
        row.put("Barcode", "012345678905");
        for (int i = 0; i < pairs.length; i += 2) {
            row.put(pairs[i], pairs[i + 1]);
        }
        return row;
    }

    @Test
    void aCompleteRowPasses() {
        assertThat(validator.problems(LABEL, row("Attribute1", "01234", "RetailPrice", "20", "Barcode", "4006381333931"), MAPPING::get)).isEmpty();
    }

    @Test
    void aWrongCheckDigitNamesTheSkuTheFieldAndTheRightDigit() {
        List<Problem> problems = validator.problems(LABEL, row("Barcode", "012345678906"), MAPPING::get);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.category()).isEqualTo(Category.VALIDATION);
            assertThat(p.message()).startsWith(LABEL).contains("Barcode '012345678906'").contains("check digit")
                    .contains("end in 5");
        });
        assertThat(validator.problems(LABEL, row("Barcode", "ABC123"), MAPPING::get)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not a UPC-A (12 digits) or EAN-13"));
    }

    @Test
    void aTooLongNameIsAnExceptionNotCutShort() {
        String name = "A".repeat(51);
        assertThat(validator.problems(LABEL, row("Name", name), MAPPING::get)).singleElement().satisfies(p -> assertThat(p.message())
                .contains("Name is 51 characters, Peoplevox allows 50").contains("{style_name:30}"));
        assertThat(validator.problems(LABEL, row("Attribute12", "x".repeat(501)), MAPPING::get)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Attribute12 is 501 characters, Peoplevox allows 500"));
        assertThat(validator.problems(LABEL, row("Description", "d".repeat(250)), MAPPING::get)).isEmpty();
    }

    @Test
    void requiredFieldsAndNumbers() {
        Map<String, String> row = row("RetailPrice", "twenty");
        row.put("Barcode", "");
        row.remove("Name");
        List<Problem> problems = validator.problems(LABEL, row, MAPPING::get);
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("Barcode is empty"))
                .anySatisfy(m -> assertThat(m).contains("Name is empty (mapped from '{style_name} {color_code} {size_desc}')"))
                .anySatisfy(m -> assertThat(m).contains("RetailPrice 'twenty' is not a number"));
    }
}
