package io.cherrypick.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * The functions a mapping expression may call. Every function keeps "absent" (null) absent, so a field whose source
 * the record does not carry is still left out of the row.
 * <ul>
 * <li>{@code money(x)}: a number with two decimals (half up); text that is not a number stays as it is;</li>
 * <li>{@code number(x)}: a number without trailing zeros ({@code 3.000} becomes {@code 3});</li>
 * <li>{@code lookup('kind', x)}: the tenant's mapping of x (mappings of that kind, e.g. site), empty when none;</li>
 * <li>{@code default(x, 'y')}: x, or y when x is empty or absent;</li>
 * <li>{@code upper(x)}, {@code lower(x)}, {@code trim(x)};</li>
 * <li>{@code peoplevoxTime(x)}: a Blue Cherry time (zone-less, in Blue Cherry's zone) as a Peoplevox import time
 * ({@code yyyy-MM-dd HH:mm:ss}) in the tenant's zone; {@code peoplevoxDate(x)}: a Blue Cherry date (a delivery date) as
 * the same day in Peoplevox's import format;</li>
 * <li>{@code blueCherryDate(x)}: a Peoplevox time or date as the Blue Cherry date ({@code MM/DD/YYYY}) it falls on in
 * Blue Cherry's zone;</li>
 * <li>{@code blueCherryWeight(x)}, {@code peoplevoxWeight(x)}, {@code blueCherryVolume(x)}, {@code peoplevoxVolume(x)}:
 * a weight or volume from the other system's unit into this one's ({@link Conversions}).</li>
 * </ul>
 */
public final class MappingFunctions {
    /** Looks a value up in the tenant's code lists (location to site, shipper to service type, ...). */
    @FunctionalInterface
    public interface Lookup {
        String lookup(String kind, String value);
    }

    static final List<String> NAMES = List.of("money", "number", "lookup", "default", "upper", "lower", "trim",
            "peoplevoxTime", "peoplevoxDate", "blueCherryDate", "blueCherryWeight", "peoplevoxWeight", "blueCherryVolume",
            "peoplevoxVolume");

    private final Lookup lookup;
    private final Conversions conversions;

    /** Functions without time-zone or unit conversion (to read what a mapping names, not to send). */
    public MappingFunctions(Lookup lookup) {
        this(lookup, Conversions.none());
    }

    public MappingFunctions(Lookup lookup, Conversions conversions) {
        this.lookup = lookup;
        this.conversions = conversions;
    }

    /** The time-zone and unit conversions the functions apply. */
    public Conversions conversions() {
        return conversions;
    }

    /** Calls {@code name} with its arguments' values (already evaluated). */
    String call(String name, List<String> args) {
        return switch (name) {
            case "money" -> money(only(name, args));
            case "number" -> number(only(name, args));
            case "upper" -> only(name, args) == null ? null : only(name, args).toUpperCase(Locale.ROOT);
            case "lower" -> only(name, args) == null ? null : only(name, args).toLowerCase(Locale.ROOT);
            case "trim" -> only(name, args) == null ? null : only(name, args).trim();
            case "peoplevoxTime" -> conversions.peoplevoxTime(only(name, args));
            case "peoplevoxDate" -> conversions.peoplevoxDate(only(name, args));
            case "blueCherryDate" -> conversions.blueCherryDate(only(name, args));
            case "blueCherryWeight" -> conversions.blueCherryWeight(only(name, args));
            case "peoplevoxWeight" -> conversions.peoplevoxWeight(only(name, args));
            case "blueCherryVolume" -> conversions.blueCherryVolume(only(name, args));
            case "peoplevoxVolume" -> conversions.peoplevoxVolume(only(name, args));
            case "default" -> {
                arity(name, args, 2);
                yield args.get(0) == null || args.get(0).isEmpty() ? args.get(1) : args.get(0);
            }
            case "lookup" -> {
                arity(name, args, 2);
                String value = args.get(1);
                if (value == null) {
                    yield null;
                }
                String mapped = value.isEmpty() ? null : lookup.lookup(args.get(0), value);
                yield mapped == null ? "" : mapped;
            }
            default -> throw new IllegalArgumentException("unknown function " + name + "(); functions are " + NAMES);
        };
    }

    static String money(String value) {
        BigDecimal number = decimal(value);
        return number == null ? value : number.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String number(String value) {
        BigDecimal number = decimal(value);
        return number == null ? value : number.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal decimal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String only(String name, List<String> args) {
        arity(name, args, 1);
        return args.get(0);
    }

    private static void arity(String name, List<String> args, int expected) {
        if (args.size() != expected) {
            throw new IllegalArgumentException(name + "() takes " + expected + " argument(s), not " + args.size());
        }
    }
}
