package io.cherrypick.mapping;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalQuery;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.cherrypick.mapping.ConversionProperties.VolumeUnit;
import io.cherrypick.mapping.ConversionProperties.WeightUnit;
import io.cherrypick.peoplevox.PeoplevoxDates;

/**
 * Times, weights and volumes from one system's way of writing them to the other's ({@code cherrypick.conversion}).
 * <ul>
 * <li>Blue Cherry writes times without a zone ({@code 2024-05-01 10:22:00}), in its own zone; dates to it are
 * {@code MM/DD/YYYY}.</li>
 * <li>Peoplevox imports take {@code yyyy-MM-dd HH:mm:ss} in the tenant's zone; its reports and exports write day-first
 * times ({@link PeoplevoxDates}), in the same zone.</li>
 * <li>A <em>time</em> is an instant: it moves between the zones (a pick made 10:22 in New York is 15:22 in London). A
 * <em>date</em> (a delivery date) is a day on the calendar and stays the same day. A value with a date only is a
 * date.</li>
 * <li>When clocks go back, a local time in the repeated hour could be either; it is read as the first (the summer-time
 * one). When clocks go forward, a local time in the skipped hour is read one hour later (02:30 is 03:30).</li>
 * </ul>
 * Weights and volumes are converted between the units each system is configured with, rounded to three decimals;
 * numbers in the same unit stay exactly as written.
 */
@Component
public class Conversions {
    /** The format of Peoplevox imports (SaveData). */
    public static final DateTimeFormatter PEOPLEVOX_IMPORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The format of Blue Cherry dates in what Cherrypick posts (ship_date, receipt_date). */
    public static final DateTimeFormatter BLUE_CHERRY_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    /** The format of Blue Cherry's times ({@code last_mod}, {@code pick_date}). */
    public static final DateTimeFormatter BLUE_CHERRY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final List<DateTimeFormatter> BLUE_CHERRY_TIMES = List.of(BLUE_CHERRY_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    private static final List<DateTimeFormatter> BLUE_CHERRY_DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            BLUE_CHERRY_DATE);
    private static final int DECIMALS = 3;

    private final ConversionProperties.System peoplevox;
    private final ConversionProperties.System blueCherry;

    @Autowired
    public Conversions(ConversionProperties props) {
        this(props.peoplevox(), props.bluecherry());
    }

    public Conversions(ConversionProperties.System peoplevox, ConversionProperties.System blueCherry) {
        this.peoplevox = peoplevox;
        this.blueCherry = blueCherry;
    }

    /** The zones and units converted between (a mapped value depends on them). */
    public String settings() {
        return "peoplevox " + peoplevox + ", blue cherry " + blueCherry;
    }

    /** No conversion: both systems in UTC and the same units (for reading what a mapping file names, not for sending). */
    public static Conversions none() {
        ConversionProperties.System same = new ConversionProperties.System(ZoneOffset.UTC, WeightUnit.KG, VolumeUnit.M3);
        return new Conversions(same, same);
    }

    public ZoneId blueCherryZone() {
        return blueCherry.timeZone();
    }

    /**
     * A Blue Cherry time as a Peoplevox import time in the tenant's zone ({@code peoplevoxTime(x)}); a Blue Cherry
     * value with a date only stays that day. Null stays null, empty stays empty.
     */
    public String peoplevoxTime(String blueCherryValue) {
        if (blank(blueCherryValue)) {
            return blueCherryValue;
        }
        Optional<ZonedDateTime> time = blueCherryTime(blueCherryValue);
        if (time.isPresent()) {
            return PEOPLEVOX_IMPORT.format(time.get().withZoneSameInstant(peoplevox.timeZone()));
        }
        return PEOPLEVOX_IMPORT.format(blueCherryDay(blueCherryValue).atStartOfDay());
    }

    /** A Blue Cherry date or time as a Peoplevox import date: the same calendar day, at 00:00:00 ({@code peoplevoxDate(x)}). */
    public String peoplevoxDate(String blueCherryValue) {
        if (blank(blueCherryValue)) {
            return blueCherryValue;
        }
        LocalDate day = blueCherryTime(blueCherryValue).map(t -> t.toLocalDate()).orElseGet(() -> blueCherryDay(blueCherryValue));
        return PEOPLEVOX_IMPORT.format(day.atStartOfDay());
    }

    /**
     * A Peoplevox time or date as a Blue Cherry date, {@code MM/DD/YYYY} ({@code blueCherryDate(x)}): a time is the day it
     * falls on in Blue Cherry's zone; a date only stays that day.
     */
    public String blueCherryDate(String peoplevoxValue) {
        if (blank(peoplevoxValue)) {
            return peoplevoxValue;
        }
        String value = unquoted(peoplevoxValue);
        try {
            return BLUE_CHERRY_DATE.format(OffsetDateTime.parse(value).atZoneSameInstant(blueCherry.timeZone()));
        } catch (DateTimeParseException noOffset) {
            // a local time or a date, in the tenant's zone
        }
        LocalDateTime local = PeoplevoxDates.parse(value).orElseThrow(() -> new IllegalArgumentException("'"
                + peoplevoxValue + "' is not a Peoplevox date or time (dd/MM/yyyy HH:mm[:ss], yyyy-MM-dd HH:mm:ss or ISO-8601)"));
        if (!value.contains(":")) {
            return BLUE_CHERRY_DATE.format(local.toLocalDate());
        }
        return BLUE_CHERRY_DATE.format(local.atZone(peoplevox.timeZone()).withZoneSameInstant(blueCherry.timeZone()));
    }

    /** A Peoplevox weight in Blue Cherry's unit ({@code blueCherryWeight(x)}). */
    public String blueCherryWeight(String peoplevoxWeight) {
        return convert(peoplevoxWeight, peoplevox.weightUnit().kilograms, blueCherry.weightUnit().kilograms, "weight");
    }

    /** A Blue Cherry weight in Peoplevox's unit ({@code peoplevoxWeight(x)}). */
    public String peoplevoxWeight(String blueCherryWeight) {
        return convert(blueCherryWeight, blueCherry.weightUnit().kilograms, peoplevox.weightUnit().kilograms, "weight");
    }

    /** A Peoplevox volume in Blue Cherry's unit ({@code blueCherryVolume(x)}). */
    public String blueCherryVolume(String peoplevoxVolume) {
        return convert(peoplevoxVolume, peoplevox.volumeUnit().cubicMetres, blueCherry.volumeUnit().cubicMetres, "volume");
    }

    /** A Blue Cherry volume in Peoplevox's unit ({@code peoplevoxVolume(x)}). */
    public String peoplevoxVolume(String blueCherryVolume) {
        return convert(blueCherryVolume, blueCherry.volumeUnit().cubicMetres, peoplevox.volumeUnit().cubicMetres, "volume");
    }

    /** A Peoplevox package weight (a number) in Blue Cherry's unit, for the cartons Cherrypick builds in code. */
    public BigDecimal blueCherryWeight(BigDecimal peoplevoxWeight) {
        return peoplevoxWeight == null ? null : new BigDecimal(blueCherryWeight(peoplevoxWeight.toPlainString()));
    }

    /**
     * When Blue Cherry's {@code last_mod} value lies in the hour its zone repeats when clocks go back, the first local time
     * of that hour ({@code 2026-11-01 01:00:00} in New York): a record written in the second pass of the hour carries a
     * {@code last_mod} before ones written in the first pass, so a pull must read the whole hour again until its
     * watermark has left it. Empty outside such an hour (and for a value that is not a Blue Cherry time).
     */
    public Optional<String> repeatedHourStart(String lastMod) {
        ZoneId zone = blueCherry.timeZone();
        if (zone.getRules().isFixedOffset()) {
            return Optional.empty();
        }
        Optional<LocalDateTime> local = localBlueCherryTime(lastMod);
        if (local.isEmpty()) {
            return Optional.empty();
        }
        ZoneOffsetTransition transition = zone.getRules().getTransition(local.get());
        if (transition == null || !transition.isOverlap()) {
            return Optional.empty();
        }
        return Optional.of(BLUE_CHERRY_TIME.format(transition.getDateTimeAfter()));
    }

    private Optional<ZonedDateTime> blueCherryTime(String value) {
        String v = value.trim();
        Optional<LocalDateTime> usual = usualBlueCherryTime(v);
        if (usual.isPresent()) {
            return Optional.of(ZonedDateTime.of(usual.get(), blueCherry.timeZone()));
        }
        Optional<OffsetDateTime> withOffset = parsed(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME, OffsetDateTime::from);
        if (withOffset.isPresent()) {
            return Optional.of(withOffset.get().atZoneSameInstant(blueCherry.timeZone()));
        }
        // zone-less: Blue Cherry's own zone. ZonedDateTime.of takes the earlier offset in an overlap and moves a time in
        // a gap forward by the gap
        return localBlueCherryTime(v).map(t -> ZonedDateTime.of(t, blueCherry.timeZone()));
    }

    private static Optional<LocalDateTime> localBlueCherryTime(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<LocalDateTime> usual = usualBlueCherryTime(value.trim());
        if (usual.isPresent()) {
            return usual;
        }
        for (DateTimeFormatter f : BLUE_CHERRY_TIMES) {
            Optional<LocalDateTime> time = parsed(value.trim(), f, LocalDateTime::from);
            if (time.isPresent()) {
                return time;
            }
        }
        return Optional.empty();
    }

    private static LocalDate blueCherryDay(String value) {
        for (DateTimeFormatter f : BLUE_CHERRY_DATES) {
            Optional<LocalDate> day = parsed(value.trim(), f, LocalDate::from);
            if (day.isPresent()) {
                return day.get();
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a Blue Cherry date or time (yyyy-MM-dd HH:mm:ss,"
                + " yyyy-MM-dd or MM/DD/YYYY)");
    }

    /**
     * Blue Cherry's usual layout, {@code yyyy-MM-dd HH:mm:ss}, read digit by digit (every pick's dates are, on every
     * send); empty for anything else, which the formats then read (a day past the month's end among them: the formats
     * move it to the month's last day).
     */
    private static Optional<LocalDateTime> usualBlueCherryTime(String v) {
        if (v.length() != 19 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != ' ' || v.charAt(13) != ':'
                || v.charAt(16) != ':') {
            return Optional.empty();
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second));
        } catch (DateTimeException outOfRange) {
            return Optional.empty();
        }
    }

    /** The decimal number in {@code text} from {@code from}, {@code count} digits long; -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * The text read with one format, or empty when it is not in that format. Trying formats in turn by catching
     * DateTimeParseException cost a stack trace per miss, and every Blue Cherry time misses the offset format first:
     * the text is checked against the format's layout first, and only text that fits is resolved.
     */
    private static <T> Optional<T> parsed(String text, DateTimeFormatter format, TemporalQuery<T> query) {
        ParsePosition position = new ParsePosition(0);
        if (format.parseUnresolved(text, position) == null || position.getErrorIndex() >= 0
                || position.getIndex() != text.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(format.parse(text, query));
        } catch (DateTimeException outOfRange) {
            // the layout fits but the value does not exist (13th month, 30 February)
            return Optional.empty();
        }
    }

    private static String convert(String value, BigDecimal from, BigDecimal to, String what) {
        if (blank(value)) {
            return value;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.trim());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("'" + value + "' is not a " + what + " (a number)", notANumber);
        }
        if (from.compareTo(to) == 0) {
            return value.trim();
        }
        BigDecimal converted = number.multiply(from).divide(to, MathContext.DECIMAL64).setScale(DECIMALS, RoundingMode.HALF_UP);
        return converted.stripTrailingZeros().toPlainString();
    }

    private static String unquoted(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("'") && v.endsWith("'") ? v.substring(1, v.length() - 1).trim() : v;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
