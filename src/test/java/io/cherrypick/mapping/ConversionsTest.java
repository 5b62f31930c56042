package io.cherrypick.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cherrypick.mapping.ConversionProperties.VolumeUnit;
import io.cherrypick.mapping.ConversionProperties.WeightUnit;

/**
 * Times, dates, weights and volumes between Blue Cherry (New York, pounds, cubic feet) and a Peoplevox tenant (London,
 * kilograms, litres), through the mapping functions: both daylight-saving changes of both zones included.
 */
class ConversionsTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final Conversions conversions = new Conversions(
            new ConversionProperties.System(LONDON, WeightUnit.KG, VolumeUnit.L),
            new ConversionProperties.System(NEW_YORK, WeightUnit.LB, VolumeUnit.CF));
    private final MappingFunctions functions = new MappingFunctions((kind, value) -> null, conversions);

    private String eval(String expression, String value) {
        return FieldExpression.parse("mapping test, part p, field F", expression).evaluate(Map.of("x", value)::get, functions);
    }

    @Test
    void aBlueCherryTimeBecomesAPeoplevoxImportTimeInTheTenantsZone() {
        assertThat(eval("peoplevoxTime(x)", "2026-07-01 10:22:00")).isEqualTo("2026-07-01 15:22:00");
        assertThat(eval("peoplevoxTime(x)", "2026-01-15 23:30:00")).as("the next day in London").isEqualTo("2026-01-16 04:30:00");
        assertThat(eval("peoplevoxTime(x)", "2026-01-15T23:30:00Z")).as("an offset is kept").isEqualTo("2026-01-15 23:30:00");
        assertThat(eval("peoplevoxTime(x)", "2026-01-15")).as("a date alone stays its day").isEqualTo("2026-01-15 00:00:00");
    }

    /** The usual layout is read digit by digit; what it cannot take is read by the formats, as before. */
    @Test
    void aTimeOutsideTheUsualLayoutOrRangeIsReadByTheFormatsOrRefused() {
        assertThat(eval("peoplevoxDate(x)", " 2026-05-10 22:00:00 ")).as("trimmed").isEqualTo("2026-05-10 00:00:00");
        assertThat(eval("peoplevoxDate(x)", "2026-02-30 10:00:00")).as("past the month's end: its last day")
                .isEqualTo("2026-02-28 00:00:00");
        assertThat(eval("peoplevoxTime(x)", "2026-07-01 10:22")).as("no seconds").isEqualTo("2026-07-01 15:22:00");
        assertThat(eval("peoplevoxTime(x)", "2026-07-01T10:22:00")).as("ISO local").isEqualTo("2026-07-01 15:22:00");
        assertThatThrownBy(() -> eval("peoplevoxTime(x)", "2026-13-01 10:00:00"))
                .hasMessageContaining("'2026-13-01 10:00:00' is not a Blue Cherry date or time");
        assertThatThrownBy(() -> eval("peoplevoxTime(x)", "2026-07-01 1a:22:00"))
                .hasMessageContaining("is not a Blue Cherry date or time");
    }

    @Test
    void aDeliveryDateStaysItsDayInEveryZone() {
        assertThat(eval("peoplevoxDate(x)", "2026-05-10 00:00:00")).isEqualTo("2026-05-10 00:00:00");
        assertThat(eval("peoplevoxDate(x)", "2026-05-10 22:00:00")).isEqualTo("2026-05-10 00:00:00");
        assertThat(eval("peoplevoxDate(x)", "05/10/2026")).as("Blue Cherry's MM/DD/YYYY").isEqualTo("2026-05-10 00:00:00");
    }

    @Test
    void whenNewYorksClocksGoBackTheRepeatedHourIsReadAsTheFirstAndTheNextHourFollows() {
        // 1 November 2026: 01:59:59 EDT (UTC-4) is followed by 01:00:00 EST (UTC-5); London is on GMT already
        assertThat(eval("peoplevoxTime(x)", "2026-11-01 00:30:00")).isEqualTo("2026-11-01 04:30:00");
        assertThat(eval("peoplevoxTime(x)", "2026-11-01 01:30:00")).isEqualTo("2026-11-01 05:30:00");
        assertThat(eval("peoplevoxTime(x)", "2026-11-01 02:30:00")).isEqualTo("2026-11-01 07:30:00");
    }

    @Test
    void whenNewYorksClocksGoForwardATimeInTheSkippedHourMovesOnAnHour() {
        // 8 March 2026: 01:59:59 EST is followed by 03:00:00 EDT; 02:30 does not exist in New York
        assertThat(eval("peoplevoxTime(x)", "2026-03-08 01:30:00")).isEqualTo("2026-03-08 06:30:00");
        assertThat(eval("peoplevoxTime(x)", "2026-03-08 02:30:00")).isEqualTo("2026-03-08 07:30:00");
        assertThat(eval("peoplevoxTime(x)", "2026-03-08 03:30:00")).isEqualTo("2026-03-08 07:30:00");
    }

    @Test
    void aPeoplevoxTimeBecomesTheBlueCherryDayItFallsOnInNewYork() {
        assertThat(eval("blueCherryDate(x)", "'14/06/2026 16:55:07'")).as("a report's quoted day-first time")
                .isEqualTo("06/14/2026");
        assertThat(eval("blueCherryDate(x)", "15/06/2026 02:10")).as("02:10 in London is the evening before in New York")
                .isEqualTo("06/14/2026");
        assertThat(eval("blueCherryDate(x)", "2026-06-15 02:10:00")).isEqualTo("06/14/2026");
        assertThat(eval("blueCherryDate(x)", "2026-06-15T02:10:00Z")).isEqualTo("06/14/2026");
        assertThat(eval("blueCherryDate(x)", "15/06/2026")).as("a date alone stays its day").isEqualTo("06/15/2026");
    }

    @Test
    void aroundLondonsClockChangesTheDayFollowsTheInstant() {
        // London goes back on 25 October 2026 (BST UTC+1 -> GMT); New York still on EDT (UTC-4) until 1 November
        assertThat(eval("blueCherryDate(x)", "25/10/2026 04:30:00")).isEqualTo("10/25/2026");
        assertThat(eval("blueCherryDate(x)", "25/10/2026 03:30:00")).as("03:30 GMT is 23:30 EDT the day before")
                .isEqualTo("10/24/2026");
        // London goes forward on 29 March 2026 (01:00 GMT -> 02:00 BST): 01:30 does not exist, read as 02:30 BST
        assertThat(eval("blueCherryDate(x)", "29/03/2026 01:30:00")).isEqualTo("03/28/2026");
        assertThat(eval("blueCherryDate(x)", "29/03/2026 05:30:00")).isEqualTo("03/29/2026");
    }

    @Test
    void weightsAndVolumesAreConvertedBetweenTheUnitsOfEachSystem() {
        assertThat(eval("blueCherryWeight(x)", "0.70")).as("kg to lb").isEqualTo("1.543");
        assertThat(eval("peoplevoxWeight(x)", "2")).as("lb to kg").isEqualTo("0.907");
        assertThat(eval("blueCherryVolume(x)", "28.316846592")).as("litres to cubic feet").isEqualTo("1");
        assertThat(eval("peoplevoxVolume(x)", "1")).as("cubic feet to litres").isEqualTo("28.317");
        assertThat(conversions.blueCherryWeight(new BigDecimal("1.00"))).isEqualByComparingTo("2.205");
    }

    @Test
    void theSameUnitKeepsTheNumberAsWrittenAndAbsentStaysAbsent() {
        MappingFunctions same = new MappingFunctions((kind, value) -> null, Conversions.none());
        assertThat(FieldExpression.parse("w", "blueCherryWeight(x)").evaluate(Map.of("x", "0.50")::get, same)).isEqualTo("0.50");
        assertThat(FieldExpression.parse("w", "blueCherryWeight(missing)").evaluate(Map.of("x", "1")::get, functions)).isNull();
        assertThat(FieldExpression.parse("w", "peoplevoxTime(missing)").evaluate(Map.of("x", "1")::get, functions)).isNull();
        assertThat(eval("peoplevoxTime(x)", "")).isEmpty();
    }

    @Test
    void aValueThatIsNotADateOrANumberIsRefusedWithItsWords() {
        assertThatThrownBy(() -> eval("blueCherryWeight(x)", "heavy")).hasMessageContaining("'heavy' is not a weight");
        assertThatThrownBy(() -> eval("peoplevoxTime(x)", "soon")).hasMessageContaining("'soon' is not a Blue Cherry date or time");
        assertThatThrownBy(() -> eval("blueCherryDate(x)", "soon")).hasMessageContaining("'soon' is not a Peoplevox date or time");
    }

    @Test
    void theRepeatedHourOfBlueCherrysZoneIsFound() {
        assertThat(conversions.repeatedHourStart("2026-11-01 01:00:00")).contains("2026-11-01 01:00:00");
        assertThat(conversions.repeatedHourStart("2026-11-01 01:59:59")).contains("2026-11-01 01:00:00");
        assertThat(conversions.repeatedHourStart("2026-11-01 00:59:59")).isEmpty();
        assertThat(conversions.repeatedHourStart("2026-11-01 02:00:00")).isEmpty();
        assertThat(conversions.repeatedHourStart("2026-03-08 02:30:00")).as("the skipped hour is not repeated").isEmpty();
        assertThat(conversions.repeatedHourStart(null)).isEmpty();
    }
}
