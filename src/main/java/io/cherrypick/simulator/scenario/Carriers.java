package io.cherrypick.simulator.scenario;

import java.util.Map;
import java.util.random.RandomGenerator;

import static io.cherrypick.simulator.scenario.Randoms.digits;
import static io.cherrypick.simulator.scenario.Randoms.letters;

/**
 * Carrier names and plausible tracking numbers for a Peoplevox service type. The defaults cover the service
 * types of the default shipper mapping (UPS Ground, FedEx Express, DHL Parcel UK, Royal Mail Tracked 48).
 */
final class Carriers {

    static final String UPS = "UPS";
    static final String FEDEX = "FedEx";
    static final String DHL = "DHL";
    static final String ROYAL_MAIL = "Royal Mail";

    private static final Map<String, String> DEFAULT_SERVICE_BY_SITE = Map.of("LondonSite", "Royal Mail Tracked 48");
    private static final String DEFAULT_SERVICE = "UPS Ground";
    private static final int[] S10_WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    private Carriers() {
    }

    /** The service type to despatch with when the order has none: Royal Mail from London, UPS elsewhere. */
    static String defaultServiceType(String site) {
        return DEFAULT_SERVICE_BY_SITE.getOrDefault(site, DEFAULT_SERVICE);
    }

    /** The carrier that runs a service type, e.g. "FedEx Express" -> "FedEx"; the first word when unknown. */
    static String carrierFor(String serviceType) {
        String lower = serviceType.toLowerCase();
        if (lower.startsWith("ups")) {
            return UPS;
        }
        if (lower.startsWith("fedex")) {
            return FEDEX;
        }
        if (lower.startsWith("dhl")) {
            return DHL;
        }
        if (lower.startsWith("royal mail")) {
            return ROYAL_MAIL;
        }
        String trimmed = serviceType.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    /** A tracking number in the carrier's usual shape (UPS 1Z..., FedEx 12 digits, DHL JD..., Royal Mail S10). */
    static String trackingNumber(String carrier, RandomGenerator random) {
        return switch (carrier) {
            case UPS -> "1Z" + letters(3, random) + digits(3, random) + "03" + digits(8, random);
            case FEDEX -> digits(12, random);
            case DHL -> "JD01" + digits(16, random);
            case ROYAL_MAIL -> royalMailS10(letters(2, random), digits(8, random));
            default -> carrier.replaceAll("[^A-Za-z]", "").toUpperCase() + digits(10, random);
        };
    }

    /** UPU S10 item identifier: two letters, eight digits, a mod-11 check digit and the country code. */
    static String royalMailS10(String prefix, String serial) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (serial.charAt(i) - '0') * S10_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        if (check == 10) {
            check = 0;
        } else if (check == 11) {
            check = 5;
        }
        return prefix + serial + check + "GB";
    }
}
