package io.cherrypick.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** docker/grafana/dashboards/cherrypick.json as tests read it: its panels' queries and the metrics they name. */
public final class Dashboard {
    public static final File FILE = new File("docker/grafana/dashboards/cherrypick.json");
    /** A metric name in PromQL: a word followed by a label selector, a range or a closing parenthesis. */
    private static final Pattern METRIC = Pattern.compile("\\b([a-z][a-z0-9_]*_[a-z0-9_]+)\\s*(?=[{\\[)])");

    private Dashboard() {
    }

    public static JsonNode json() {
        try {
            return new ObjectMapper().readTree(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every query (expr) of every panel. */
    public static List<String> queries() {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : json().path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asText());
            }
        }
        return queries;
    }

    /** The metric names the queries read (functions and label names excluded). */
    public static Set<String> metrics() {
        Set<String> names = new TreeSet<>();
        for (String query : queries()) {
            Matcher m = METRIC.matcher(query);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        names.removeIf(n -> n.equals("histogram_quantile"));
        return names;
    }
}
