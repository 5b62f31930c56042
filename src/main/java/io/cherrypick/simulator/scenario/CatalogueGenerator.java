package io.cherrypick.simulator.scenario;

import io.cherrypick.gs1.Gs1;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import static io.cherrypick.simulator.scenario.Randoms.pick;
import static io.cherrypick.simulator.scenario.Randoms.shuffle;

/**
 * Builds a deterministic apparel catalogue (styles x colours x sizes) from a random generator: the same seed
 * always gives the same styles, names, costs and UPCs. Pure Java, no I/O.
 */
public final class CatalogueGenerator {

    /** Number system 0 plus an invented five-digit manufacturer code; the item reference and check digit follow. */
    public static final String UPC_PREFIX = "084521";

    private static final String BRAND = "NORTHBAY";
    private static final List<String> LETTER_SIZES = List.of("XS", "S", "M", "L", "XL");
    private static final List<String> MENS_WAISTS = List.of("28", "30", "32", "34", "36");
    private static final List<String> WOMENS_WAISTS = List.of("24", "26", "28", "30", "32");
    private static final List<String> INSEAMS = List.of("30", "32", "34");
    private static final List<String> SEASONS = List.of("SP26", "FA26", "CORE");
    private static final List<String> MODIFIERS = List.of("Organic", "Heavyweight", "Washed", "Lightweight", "Recycled", "Vintage");
    private static final Set<String> ECO_MODIFIERS = Set.of("Organic", "Recycled");

    private enum Fit { LETTER, WAIST, WAIST_AND_INSEAM }

    private enum Palette { EVERYDAY, DENIM }

    private record Colour(String code, String name) {
    }

    private record Template(String name, String description, String merch, String category, String material,
                            String gender, Fit fit, Palette palette, double minCost, double maxCost, double weight) {
    }

    private static final List<Colour> EVERYDAY_COLOURS = List.of(
            new Colour("BLK", "Black"), new Colour("WHT", "White"), new Colour("NVY", "Navy"),
            new Colour("GRY", "Grey Marl"), new Colour("OLV", "Olive"), new Colour("STN", "Stone"),
            new Colour("RED", "Red"), new Colour("SKY", "Sky Blue"), new Colour("BRG", "Burgundy"),
            new Colour("SAG", "Sage"), new Colour("ECR", "Ecru"), new Colour("CML", "Camel"),
            new Colour("CHR", "Charcoal"), new Colour("RST", "Rust"));

    private static final List<Colour> DENIM_COLOURS = List.of(
            new Colour("IND", "Indigo"), new Colour("RIN", "Rinse"), new Colour("MDW", "Mid Wash"),
            new Colour("LTW", "Light Wash"), new Colour("BLK", "Black"), new Colour("GRY", "Washed Grey"));

    // gender null: decided per style (mens, womens or unisex)
    private static final List<Template> TEMPLATES = List.of(
            new Template("Classic Tee", "Crew neck cotton jersey tee", "TOPS", "TEES", "COTTON", null, Fit.LETTER, Palette.EVERYDAY, 5.5, 8.5, 0.40),
            new Template("Pocket Tee", "Relaxed tee with chest pocket", "TOPS", "TEES", "COTTON", null, Fit.LETTER, Palette.EVERYDAY, 6.0, 9.0, 0.42),
            new Template("V-Neck Tee", "V-neck cotton jersey tee", "TOPS", "TEES", "COTTON", null, Fit.LETTER, Palette.EVERYDAY, 5.5, 8.0, 0.38),
            new Template("Long Sleeve Tee", "Long sleeve crew neck tee", "TOPS", "TEES", "COTTON", null, Fit.LETTER, Palette.EVERYDAY, 7.0, 10.5, 0.50),
            new Template("Henley Top", "Three-button henley in waffle knit", "TOPS", "TEES", "COTTON", null, Fit.LETTER, Palette.EVERYDAY, 8.0, 12.0, 0.55),
            new Template("Oxford Shirt", "Button-down oxford cotton shirt", "TOPS", "SHIRTS", "COTTON", null, Fit.LETTER, Palette.EVERYDAY, 12.0, 18.0, 0.65),
            new Template("Linen Shirt", "Relaxed linen shirt", "TOPS", "SHIRTS", "LINEN", null, Fit.LETTER, Palette.EVERYDAY, 13.0, 19.0, 0.55),
            new Template("Flannel Shirt", "Brushed cotton check shirt", "TOPS", "SHIRTS", "COTTON", null, Fit.LETTER, Palette.EVERYDAY, 12.0, 17.0, 0.75),
            new Template("Pique Polo", "Cotton pique polo shirt", "TOPS", "POLOS", "COTTON", null, Fit.LETTER, Palette.EVERYDAY, 9.0, 13.0, 0.50),
            new Template("Rugby Shirt", "Long sleeve striped rugby shirt", "TOPS", "POLOS", "COTTON", null, Fit.LETTER, Palette.EVERYDAY, 14.0, 20.0, 0.85),
            new Template("Crew Sweatshirt", "Loopback cotton crew sweatshirt", "TOPS", "SWEATS", "COTTON", null, Fit.LETTER, Palette.EVERYDAY, 12.0, 17.0, 1.00),
            new Template("Zip Hoodie", "Full-zip hooded sweatshirt", "TOPS", "SWEATS", "COTTON", null, Fit.LETTER, Palette.EVERYDAY, 15.0, 21.0, 1.20),
            new Template("Merino Crew Jumper", "Fine-gauge merino wool jumper", "TOPS", "KNITS", "WOOL", null, Fit.LETTER, Palette.EVERYDAY, 20.0, 30.0, 0.70),
            new Template("Cable Knit Jumper", "Chunky cable knit jumper", "TOPS", "KNITS", "WOOL", null, Fit.LETTER, Palette.EVERYDAY, 22.0, 32.0, 1.30),
            new Template("Denim Jacket", "Classic trucker denim jacket", "OUTERWEAR", "JACKETS", "DENIM", null, Fit.LETTER, Palette.DENIM, 24.0, 34.0, 1.90),
            new Template("Quilted Jacket", "Lightweight quilted jacket", "OUTERWEAR", "JACKETS", "POLYESTER", null, Fit.LETTER, Palette.EVERYDAY, 26.0, 38.0, 1.40),
            new Template("Rain Parka", "Waterproof hooded parka", "OUTERWEAR", "COATS", "POLYESTER", null, Fit.LETTER, Palette.EVERYDAY, 35.0, 50.0, 1.80),
            new Template("Fleece Pullover", "Half-zip recycled fleece", "OUTERWEAR", "FLEECE", "POLYESTER", null, Fit.LETTER, Palette.EVERYDAY, 14.0, 20.0, 0.90),
            new Template("Wrap Dress", "Printed viscose wrap dress", "DRESSES", "DRESSES", "VISCOSE", "WOMENS", Fit.LETTER, Palette.EVERYDAY, 16.0, 24.0, 0.60),
            new Template("Slip Dress", "Bias cut satin slip dress", "DRESSES", "DRESSES", "VISCOSE", "WOMENS", Fit.LETTER, Palette.EVERYDAY, 15.0, 22.0, 0.45),
            new Template("Midi Skirt", "Pleated midi skirt", "BOTTOMS", "SKIRTS", "POLYESTER", "WOMENS", Fit.LETTER, Palette.EVERYDAY, 12.0, 18.0, 0.55),
            new Template("Camisole Top", "Silky camisole with adjustable straps", "TOPS", "TOPS", "VISCOSE", "WOMENS", Fit.LETTER, Palette.EVERYDAY, 7.0, 11.0, 0.25),
            new Template("Jogger", "Tapered cotton jogger", "BOTTOMS", "SWEATS", "COTTON", null, Fit.LETTER, Palette.EVERYDAY, 11.0, 16.0, 0.95),
            new Template("Swim Short", "Quick-dry swim short", "BOTTOMS", "SHORTS", "POLYESTER", "MENS", Fit.LETTER, Palette.EVERYDAY, 8.0, 12.0, 0.35),
            new Template("Slim Chino", "Slim fit stretch cotton chino", "BOTTOMS", "TROUSERS", "COTTON", null, Fit.WAIST, Palette.EVERYDAY, 13.0, 19.0, 1.10),
            new Template("Straight Chino", "Straight leg cotton twill chino", "BOTTOMS", "TROUSERS", "COTTON", null, Fit.WAIST, Palette.EVERYDAY, 13.0, 19.0, 1.15),
            new Template("Cargo Trouser", "Ripstop cargo trouser", "BOTTOMS", "TROUSERS", "COTTON", null, Fit.WAIST, Palette.EVERYDAY, 15.0, 22.0, 1.25),
            new Template("Cord Trouser", "Needlecord straight trouser", "BOTTOMS", "TROUSERS", "COTTON", null, Fit.WAIST, Palette.EVERYDAY, 15.0, 21.0, 1.30),
            new Template("Chino Short", "Cotton twill chino short", "BOTTOMS", "SHORTS", "COTTON", null, Fit.WAIST, Palette.EVERYDAY, 9.0, 13.0, 0.60),
            new Template("Slim Jeans", "Slim fit stretch denim jeans", "BOTTOMS", "DENIM", "DENIM", null, Fit.WAIST_AND_INSEAM, Palette.DENIM, 16.0, 24.0, 1.50),
            new Template("Straight Jeans", "Straight leg rigid denim jeans", "BOTTOMS", "DENIM", "DENIM", null, Fit.WAIST_AND_INSEAM, Palette.DENIM, 16.0, 24.0, 1.60),
            new Template("Relaxed Jeans", "Relaxed fit denim jeans", "BOTTOMS", "DENIM", "DENIM", null, Fit.WAIST_AND_INSEAM, Palette.DENIM, 17.0, 25.0, 1.70),
            new Template("Tapered Jeans", "Tapered leg denim jeans", "BOTTOMS", "DENIM", "DENIM", null, Fit.WAIST_AND_INSEAM, Palette.DENIM, 17.0, 25.0, 1.55));

    private CatalogueGenerator() {
    }

    /** A catalogue of {@code styleCount} styles with 3-4 colours each. */
    public static Catalogue generate(int styleCount, RandomGenerator random) {
        if (styleCount < 1) {
            throw new IllegalArgumentException("styleCount must be at least 1, was " + styleCount);
        }
        List<Template> templates = new ArrayList<>(TEMPLATES);
        shuffle(templates, random);
        int firstStyleNumber = 1000 + random.nextInt(8000);
        Set<String> names = new HashSet<>();
        Set<Integer> usedItemReferences = new HashSet<>();
        List<CatalogueStyle> styles = new ArrayList<>(styleCount);
        for (int i = 0; i < styleCount; i++) {
            Template template = templates.get(i % templates.size());
            String modifier = i < templates.size() ? "" : pickModifier(template, names, random);
            String name = modifier.isEmpty() ? template.name() : modifier + " " + template.name();
            names.add(name);
            String style = String.format("%05d", firstStyleNumber + i);
            styles.add(buildStyle(style, name, modifier, template, usedItemReferences, random));
        }
        return new Catalogue(styles);
    }

    /** A UPC-A with the catalogue's prefix, the given five-digit item reference and its check digit. */
    public static String upcFor(int itemReference) {
        if (itemReference < 0 || itemReference > 99_999) {
            throw new IllegalArgumentException("item reference must be 0..99999, was " + itemReference);
        }
        return Gs1.withCheckDigit(UPC_PREFIX + String.format("%05d", itemReference));
    }

    /** A valid UPC-A that is not in the catalogue, as a customer order for a discontinued or mistyped item would carry. */
    public static String unknownUpc(Catalogue catalogue, RandomGenerator random) {
        while (true) {
            String upc = upcFor(random.nextInt(100_000));
            if (!catalogue.containsUpc(upc)) {
                return upc;
            }
        }
    }

    private static String pickModifier(Template template, Set<String> names, RandomGenerator random) {
        List<String> candidates = new ArrayList<>(MODIFIERS);
        shuffle(candidates, random);
        for (String modifier : candidates) {
            if (!names.contains(modifier + " " + template.name())) {
                return modifier;
            }
        }
        throw new IllegalStateException("ran out of name variants for " + template.name());
    }

    private static CatalogueStyle buildStyle(String style, String name, String modifier, Template template,
                                             Set<Integer> usedItemReferences, RandomGenerator random) {
        String gender = template.gender() != null ? template.gender() : pick(List.of("MENS", "WOMENS", "UNISEX"), random);
        String division = switch (gender) {
            case "MENS" -> "01";
            case "WOMENS" -> "02";
            default -> "03";
        };
        BigDecimal stdCost = money(template.minCost() + random.nextDouble() * (template.maxCost() - template.minCost()));
        BigDecimal price = stdCost.multiply(BigDecimal.valueOf(2.4 + random.nextDouble() * 0.8)).setScale(0, RoundingMode.HALF_UP)
                .setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal weight = BigDecimal.valueOf(template.weight()).setScale(2, RoundingMode.HALF_UP);
        String lblCode = ECO_MODIFIERS.contains(modifier) ? "ECO" : (random.nextDouble() < 0.15 ? "PRM" : "");
        String categoryCode = template.category().substring(0, 3);
        List<String> groupCodes = List.of(
                template.merch(),
                template.category(),
                BRAND,
                template.material(),
                "PT" + categoryCode,
                capitalise(template.category()),
                gender,
                random.nextDouble() < 0.85 ? "INLINE" : "SMU");

        List<Colour> palette = new ArrayList<>(template.palette() == Palette.DENIM ? DENIM_COLOURS : EVERYDAY_COLOURS);
        shuffle(palette, random);
        List<Colour> colours = palette.subList(0, 3 + random.nextInt(2));
        List<String> sizes = switch (template.fit()) {
            case LETTER -> LETTER_SIZES;
            case WAIST, WAIST_AND_INSEAM -> gender.equals("WOMENS") ? WOMENS_WAISTS : MENS_WAISTS;
        };
        List<String> dimensions = template.fit() == Fit.WAIST_AND_INSEAM ? twoInseams(random) : List.of("");

        List<CatalogueSku> skus = new ArrayList<>();
        for (Colour colour : colours) {
            for (String dimension : dimensions) {
                for (String size : sizes) {
                    String upc = upcFor(nextItemReference(usedItemReferences, random));
                    skus.add(new CatalogueSku(style, name, division, colour.code(), colour.name(), lblCode, dimension,
                            size, upc, Gs1.upcAToEan13(upc), price, weight));
                }
            }
        }
        return new CatalogueStyle(style, name, template.description(), groupCodes, division, pick(SEASONS, random),
                "VND-" + categoryCode + "-" + (1000 + random.nextInt(9000)), stdCost, weight, "WEB",
                random.nextDouble() < 0.5 ? "SHP" : "", skus);
    }

    private static List<String> twoInseams(RandomGenerator random) {
        int first = random.nextInt(INSEAMS.size() - 1);
        return INSEAMS.subList(first, first + 2);
    }

    private static int nextItemReference(Set<Integer> used, RandomGenerator random) {
        while (true) {
            int reference = random.nextInt(100_000);
            if (used.add(reference)) {
                return reference;
            }
        }
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static String capitalise(String upper) {
        return upper.charAt(0) + upper.substring(1).toLowerCase();
    }
}
