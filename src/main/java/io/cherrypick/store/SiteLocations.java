package io.cherrypick.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Peoplevox site to Blue Cherry location, derived from the order flow's mapping kind {@code site} (location → site) by
 * reading it backwards. A site that no location maps to, or that several do, has no location: its stock cannot be
 * attributed and is held with an exception naming the site.
 */
public final class SiteLocations {
    private final Map<String, TreeSet<String>> locationsBySite = new TreeMap<>();

    public SiteLocations(Map<String, String> siteByLocation) {
        siteByLocation.forEach((location, site) -> locationsBySite.computeIfAbsent(site, s -> new TreeSet<>()).add(location));
    }

    public Optional<String> locationOf(String site) {
        TreeSet<String> locations = locationsBySite.get(site);
        return locations == null || locations.size() != 1 ? Optional.empty() : Optional.of(locations.first());
    }

    /** Why a site has no location, for the exception. */
    public String whyNoLocation(String site) {
        TreeSet<String> locations = locationsBySite.get(site);
        if (locations == null) {
            return "no Blue Cherry location maps to Peoplevox site '" + site + "' (add one under mappings 'site': location → "
                    + site + ")";
        }
        return "Peoplevox site '" + site + "' is mapped from several Blue Cherry locations " + List.copyOf(locations)
                + " under mappings 'site'; stock cannot be attributed to one of them";
    }
}
