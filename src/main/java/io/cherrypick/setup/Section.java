package io.cherrypick.setup;

/** The parts of the report, in the order the audit runs and shows them. */
public enum Section {
    CONNECTIVITY("Connectivity"),
    PEOPLEVOX_SETUP("Peoplevox setup"),
    CATALOGUE("Catalogue"),
    MAPPINGS("Mappings"),
    ORDERS("Order drift"),
    STOCK("Stock"),
    CONFIGURATION("Configuration"),
    CAPACITY("Capacity");

    private final String title;

    Section(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
