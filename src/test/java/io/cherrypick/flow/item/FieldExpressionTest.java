package io.cherrypick.flow.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldExpressionTest {
    private final Map<String, String> source = new HashMap<>(Map.of("style", "01234", "style_name", "Classic Tee",
            "color_code", "BLK", "size_desc", "M", "lbl_code", "", "upc", "", "ean", "4006381333931"));

    private String eval(String expression) {
        return FieldExpression.parse("Field", expression).evaluate(source::get);
    }

    @Test
    void aFieldNameReadsTheField() {
        assertThat(eval("style")).isEqualTo("01234");
    }

    @Test
    void aTemplateJoinsFieldsAndCollapsesTheGapsOfEmptyOnes() {
        assertThat(eval("{style_name} {color_code} {size_desc}")).isEqualTo("Classic Tee BLK M");
        assertThat(eval("{style_name} {lbl_code} {size_desc}")).isEqualTo("Classic Tee M");
        assertThat(eval("{style}-{color_code}")).isEqualTo("01234-BLK");
    }

    @Test
    void alternativesTakeTheFirstNonEmpty() {
        assertThat(eval("upc|ean")).isEqualTo("4006381333931");
        assertThat(eval("{missing|style}")).isEqualTo("01234");
    }

    @Test
    void aLengthShortensTheValue() {
        assertThat(eval("{style_name:7} {size_desc}")).isEqualTo("Classic M");
        assertThat(eval("style_name:3")).isEqualTo("Cla");
    }

    @Test
    void aQuotedValueIsAConstant() {
        assertThat(eval("'EA'")).isEqualTo("EA");
    }

    @Test
    void aFieldAbsentFromThePayloadLeavesTheColumnOut() {
        assertThat(eval("retail_price")).isNull();
        assertThat(eval("{retail_price} {wholesale_price}")).isNull();
        assertThat(eval("lbl_code")).as("present but empty is a value").isEmpty();
    }

    @Test
    void aMalformedExpressionFailsNamingTheField() {
        assertThatThrownBy(() -> FieldExpression.parse("Name", "{style_name"))
                .hasMessageContaining("cherrypick.flows.item.fields.Name").hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> FieldExpression.parse("Name", "style name"))
                .hasMessageContaining("'style name' is not a field name");
    }
}
