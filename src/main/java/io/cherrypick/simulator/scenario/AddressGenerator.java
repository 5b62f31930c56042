package io.cherrypick.simulator.scenario;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

import static io.cherrypick.simulator.scenario.Randoms.digits;
import static io.cherrypick.simulator.scenario.Randoms.pick;

/**
 * Plausible consumer addresses for the US and the UK. E-mail domains are the reserved example domains and phone
 * numbers come from the ranges set aside for fiction (US 555-01xx, UK 07700 900xxx), so no real person is addressed.
 */
final class AddressGenerator {

    private record Place(String city, String state, String zipcode) {
    }

    private static final List<String> FIRST_NAMES_US = List.of("James", "Mary", "Robert", "Patricia", "Michael",
            "Jennifer", "David", "Linda", "Daniel", "Emily", "Carlos", "Sofia", "Kevin", "Ashley", "Brian", "Megan",
            "Jason", "Nicole", "Tyler", "Hannah");
    private static final List<String> LAST_NAMES_US = List.of("Smith", "Johnson", "Williams", "Brown", "Garcia",
            "Miller", "Davis", "Rodriguez", "Martinez", "Wilson", "Anderson", "Thomas", "Moore", "Jackson", "Lee",
            "Harris", "Clark", "Lewis", "Walker", "Young");
    private static final List<String> FIRST_NAMES_UK = List.of("Oliver", "Amelia", "George", "Isla", "Harry", "Ava",
            "Jack", "Mia", "Charlie", "Grace", "Thomas", "Freya", "Alfie", "Poppy", "Archie", "Evie", "William",
            "Sophie", "Joshua", "Ella");
    private static final List<String> LAST_NAMES_UK = List.of("Taylor", "Jones", "Davies", "Evans", "Thomas",
            "Roberts", "Wright", "Walker", "Robinson", "Thompson", "Hughes", "Edwards", "Green", "Hall", "Wood",
            "Harrison", "Clarke", "Patel", "Khan", "Murphy");

    private static final List<String> STREETS_US = List.of("Main St", "Oak Ave", "Maple St", "Cedar Ln", "Park Ave",
            "Washington St", "Elm St", "Lake Dr", "Pine St", "Highland Ave", "Sunset Blvd", "Broadway", "Church St",
            "River Rd", "Franklin Ave");
    private static final List<String> STREETS_UK = List.of("High Street", "Station Road", "Church Lane",
            "Victoria Road", "Mill Lane", "Queen Street", "Park Road", "Green Lane", "King Street", "The Crescent",
            "Albert Road", "Manor Way", "London Road", "Orchard Close", "Chapel Street");
    private static final List<String> UNITS_US = List.of("Apt 4B", "Apt 12", "Suite 210", "Unit 3", "Apt 7C");
    private static final List<String> UNITS_UK = List.of("Flat 2", "Flat 12B", "Flat 4", "Apartment 9", "Flat 1A");

    private static final List<Place> PLACES_US = List.of(
            new Place("New York", "NY", "10001"), new Place("Brooklyn", "NY", "11201"),
            new Place("Jersey City", "NJ", "07302"), new Place("Newark", "NJ", "07102"),
            new Place("Boston", "MA", "02108"), new Place("Philadelphia", "PA", "19103"),
            new Place("Chicago", "IL", "60601"), new Place("Austin", "TX", "78701"),
            new Place("Denver", "CO", "80202"), new Place("Seattle", "WA", "98101"),
            new Place("Portland", "OR", "97205"), new Place("Miami", "FL", "33130"),
            new Place("Atlanta", "GA", "30303"), new Place("San Francisco", "CA", "94103"),
            new Place("Los Angeles", "CA", "90012"));
    private static final List<Place> PLACES_UK = List.of(
            new Place("London", "Greater London", "N1 9GU"), new Place("London", "Greater London", "E2 7DG"),
            new Place("London", "Greater London", "SE1 7PB"), new Place("Manchester", "Greater Manchester", "M1 4BT"),
            new Place("Bristol", "Bristol", "BS1 5TR"), new Place("Leeds", "West Yorkshire", "LS1 4DY"),
            new Place("Edinburgh", "Midlothian", "EH1 1YZ"), new Place("Birmingham", "West Midlands", "B1 1BB"),
            new Place("Brighton", "East Sussex", "BN1 1AE"), new Place("Glasgow", "Lanarkshire", "G1 1XQ"),
            new Place("Cardiff", "South Glamorgan", "CF10 1EP"), new Place("Oxford", "Oxfordshire", "OX1 2JD"),
            new Place("York", "North Yorkshire", "YO1 7HH"));
    private static final List<String> EMAIL_DOMAINS = List.of("example.com", "example.net", "example.org");

    private AddressGenerator() {
    }

    /** A person at an address in {@code country} ("US" or "GB"). */
    static PickAddress person(String addrType, String country, RandomGenerator random) {
        boolean uk = country.equals("GB");
        String first = pick(uk ? FIRST_NAMES_UK : FIRST_NAMES_US, random);
        String last = pick(uk ? LAST_NAMES_UK : LAST_NAMES_US, random);
        Place place = pick(uk ? PLACES_UK : PLACES_US, random);
        String street = (1 + random.nextInt(uk ? 180 : 9800)) + " " + pick(uk ? STREETS_UK : STREETS_US, random);
        String unit = random.nextDouble() < 0.3 ? pick(uk ? UNITS_UK : UNITS_US, random) : "";
        String email = (first + "." + last).toLowerCase(Locale.ROOT) + random.nextInt(100) + "@" + pick(EMAIL_DOMAINS, random);
        String phone = uk ? "07700 900" + digits(3, random) : "212555" + "01" + digits(2, random);
        return new PickAddress(addrType, first + " " + last, street, unit, place.city(), place.state(), place.zipcode(),
                country, email, phone);
    }
}
