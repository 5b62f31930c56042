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
 * <li>{@code upper(x)}, {@code lower(x)}, {@code trim(x)}.</li>
 * </ul>
 */
public final class MappingFunctions {
    /** Looks a value up in the tenant's code lists (location to site, shipper to service type, ...). */
    @FunctionalInterface
    public interface Lookup {
        String lookup(String kind, String value);
    }

    static final List<String> NAMES = List.of("money", "number", "lookup", "default", "upper", "lower", "trim");

    private final Lookup lookup;

    public MappingFunctions(Lookup lookup) {
        this.lookup = lookup;
    }

    /** Calls {@code name} with its arguments' values (already evaluated). */
    String call(String name, List<String> args) {
        return switch (name) {
            case "money" -> money(only(name, args));
            case "number" -> number(only(name, args));
            case "upper" -> only(name, args) == null ? null : only(name, args).toUpperCase(Locale.ROOT);
            case "lower" -> only(name, args) == null ? null : only(name, args).toLowerCase(Locale.ROOT);
            case "trim" -> only(name, args) == null ? null : only(name, args).trim();
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
