package io.cherrypick.simulator.scenario;

/** A pick-ticket address row; {@code addrType} is BT (bill-to) or ST (ship-to), {@code contact} a phone number. */
public record PickAddress(
        String addrType,
        String name,
        String addr1,
        String addr2,
        String city,
        String state,
        String zipcode,
        String country,
        String email,
        String contact) {

    public PickAddress withType(String type) {
        return new PickAddress(type, name, addr1, addr2, city, state, zipcode, country, email, contact);
    }
}
