package io.cherrypick.simulator.scenario;

import java.util.List;

/**
 * What the scenario asks of the Blue Cherry simulator's control API ({@code /sim/bluecherry/_control}). Takes the
 * scenario's own records; {@link HttpBlueCherryControl} turns them into the API's snake_case shapes.
 */
public interface BlueCherryControl {

    /** Add warehouse locations: {@code POST /locations}. */
    void createLocations(List<Location> locations);

    /** Add styles with their colour/size/UPC matrix: {@code POST /styles}. */
    void createStyles(List<CatalogueStyle> styles);

    /** Release pick tickets: {@code POST /picks}. */
    void createPicks(List<GeneratedPick> picks);

    /** Add return authorisations: {@code POST /return-authorisations}. */
    void createReturnAuthorisations(List<ReturnAuthorisation> returnAuthorisations);

    /** A Blue Cherry location ({@code loc_type} W = warehouse). */
    record Location(String location, String locName, String locType) {
    }
}
