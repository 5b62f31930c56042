package io.cherrypick.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldExpressionTest {
    private final Map<String, String> source = new HashMap<>(Map.of("style", "01234", "style_name", "Classic Tee",
            "color_code", "BLK", "size_desc", "M", "lbl_code", "", "upc", "", "ean", "4006381333931", "frgt_amt", "7.9500",
            "bk_qty", "3.000", "location", "NJ"));
    private final MappingFunctions functions = new MappingFunctions((kind, value) ->
            "site".equals(kind) && "NJ".equals(value) ? "PrimarySite" : null);

    private String eval(String expression) {
        return FieldExpression.parse("mapping test, part p, field F", expression).evaluate(source::get, functions);
    }

    @Test
    void aFieldNameReadsTheField() {
        assertThat(eval("style")).isEqualTo("01234");
    }

    @Test
    void aTemplateJoinsValuesAndCollapsesTheGapsOfEmptyOnes() {
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
        assertThat(eval("'Blue Cherry'")).isEqualTo("Blue Cherry");
    }

    @Test
    void functionsFormatAndLookUp() {
        assertThat(eval("money(frgt_amt)")).isEqualTo("7.95");
        assertThat(eval("number(bk_qty)")).isEqualTo("3");
        assertThat(eval("lookup('site', location)")).isEqualTo("PrimarySite");
        assertThat(eval("lookup('site', style)")).as("unmapped: empty, for the checks to name").isEmpty();
        assertThat(eval("default(lbl_code, 'NONE')")).isEqualTo("NONE");
        assertThat(eval("upper(style_name)")).isEqualTo("CLASSIC TEE");
        assertThat(eval("{upper(color_code)}-{size_desc}")).isEqualTo("BLK-M");
        assertThat(eval("money(upc)")).as("empty stays empty").isEmpty();
    }

    @Test
    void aFieldAbsentFromTheRecordIsAbsentThroughFunctionsToo() {
        assertThat(eval("retail_price")).isNull();
        assertThat(eval("{retail_price} {wholesale_price}")).isNull();
        assertThat(eval("money(retail_price)")).isNull();
        assertThat(eval("lookup('site', retail_price)")).isNull();
        assertThat(eval("lbl_code")).as("present but empty is a value").isEmpty();
    }

    @Test
    void aMalformedExpressionFailsNamingTheMappingPartAndField() {
        assertThatThrownBy(() -> FieldExpression.parse("mapping sales-order, part header, field Name", "{style_name"))
                .hasMessageContaining("mapping sales-order, part header, field Name").hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> FieldExpression.parse("f", "style name")).hasMessageContaining("'style name' is not a field name");
        assertThatThrownBy(() -> FieldExpression.parse("f", "moneyy(x)")).hasMessageContaining("unknown function moneyy()");
        assertThatThrownBy(() -> FieldExpression.parse("f", "lookup(x)")).hasMessageContaining("lookup() takes 2 argument(s), not 1");
        assertThatThrownBy(() -> FieldExpression.parse("f", "")).hasMessageContaining("it is empty");
    }
}
