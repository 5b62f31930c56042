package io.cherrypick.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.cherrypick.peoplevox.events.Hashing;
import io.cherrypick.store.ValueMappingStore;

/**
 * The mapping files beside the routes ({@code <routes-dir>/mappings/*.yaml}), loaded at start (a malformed file stops
 * the start with a sentence naming the file and the field) and again when a file changes (checked at most every two
 * seconds), so a mapping is edited like a route. {@code ${property:default}} placeholders in a file are the
 * application's settings. Functions look values up in the tenant's code lists ({@link ValueMappingStore}).
 */
@Component("mappings")
public class Mappings {
    private static final Logger log = LoggerFactory.getLogger(Mappings.class);
    private static final long CHECK_EVERY_MILLIS = 2000;

    private final Path dir;
    private final PropertyResolver environment;
    private final Map<String, MappingSourceAdapter> adapters;
    private final MappingFunctions functions;
    private final Conversions conversions;
    private volatile Map<String, MappingFile> files = Map.of();
    /** Per file, its {@link #fingerprint}, made when it is loaded; "" when it has none. */
    private volatile Map<String, String> fingerprints = Map.of();
    /** Per file, the source names it reads ({@link MappingFile#namesRead}). */
    private volatile Map<String, List<String>> namesRead = Map.of();
    private volatile Map<Path, Long> stamps = Map.of();
    private volatile long checkedAt;

    @Autowired
    public Mappings(@Value("${cherrypick.routes-dir}") String routesDir, Environment environment,
                    List<MappingSourceAdapter> adapters, ValueMappingStore valueMappings, Conversions conversions) {
        this(Path.of(routesDir, "mappings"), environment, adapters,
                (kind, value) -> valueMappings.lookup(kind, value).orElse(null), conversions);
    }

    /**
     * Mapping files of {@code dir}, placeholders resolved by {@code properties}, lookups by {@code lookup}, no time-zone
     * or unit conversion.
     */
    public Mappings(Path dir, PropertyResolver properties, List<MappingSourceAdapter> adapters,
                    MappingFunctions.Lookup lookup) {
        this(dir, properties, adapters, lookup, Conversions.none());
    }

    /** Mapping files of {@code dir}, converting times and units by {@code conversions}. */
    public Mappings(Path dir, PropertyResolver properties, List<MappingSourceAdapter> adapters,
                    MappingFunctions.Lookup lookup, Conversions conversions) {
        this.dir = dir;
        this.environment = properties;
        this.adapters = adapters.stream().collect(Collectors.toMap(MappingSourceAdapter::name, Function.identity()));
        this.functions = new MappingFunctions(lookup, conversions);
        this.conversions = conversions;
        reload();
    }

    /** The mapping file {@code name} ({@code <routes-dir>/mappings/<name>.yaml}). */
    public MappingFile file(String name) {
        reloadIfChanged();
        MappingFile file = files.get(name);
        if (file == null) {
            throw new IllegalArgumentException("no mapping file " + dir.resolve(name + ".yaml") + " (mappings: "
                    + files.keySet() + ")");
        }
        return file;
    }

    /** The rows of {@code part} of a record mapped by file {@code name}, as JSON documents (its numbers as numbers). */
    public List<Map<String, Object>> documents(String name, String part, MappedRecord mapped) {
        MappingFile.Part spec = file(name).part(part);
        return mapped.rows(spec.name()).stream().map(spec::json).toList();
    }

    /** Maps a message body by mapping file {@code name}; {@code header.X} in the file reads the message's headers. */
    public MappedRecord map(String name, Object body, Map<String, Object> headers) {
        MappingFile file = file(name);
        return file.map(withHeaders(source(file, name, body), headers), functions);
    }

    /**
     * What, besides the record itself, decides what mapping {@code name} gives: a SHA-256 of the file as resolved (its
     * {@code ${...}} settings filled in), its source's settings and the unit and time-zone conversions. Equal
     * fingerprints and an equal record give an equal mapped row, so a record seen before need not be mapped again.
     * Empty when the file reads more than the record's own fields ({@link MappingFile#readsOnlyTheRecord}). With
     * {@link #input} it tells whether a record would map as it did before without mapping it.
     */
    public Optional<String> fingerprint(String name) {
        file(name); // reloaded if it changed
        return Optional.of(fingerprints.getOrDefault(name, "")).filter(f -> !f.isEmpty());
    }

    /** The fingerprint of a file as loaded (see {@link #fingerprint}); "" when it reads more than the record. */
    private String fingerprintOf(MappingFile file, String text) {
        MappingSourceAdapter adapter = adapters.get(file.source());
        if (!file.readsOnlyTheRecord() || adapter == null) {
            return "";
        }
        return Hashing.sha256Hex(text + "|" + adapter.settings() + "|" + conversions.settings());
    }

    /**
     * What mapping {@code name} reads of a record: each source name it reads with the record's value (null apart from
     * empty), as one text, every part prefixed with its length so that no two different inputs read the same.
     */
    public String input(String name, Object body) {
        MappingSource source = source(file(name), name, body);
        StringBuilder input = new StringBuilder();
        for (String read : namesRead.getOrDefault(name, List.of())) {
            String value = source.value(read);
            input.append(read.length()).append(':').append(read);
            if (value == null) {
                input.append('-');
            } else {
                input.append(value.length()).append(':').append(value);
            }
        }
        return input.toString();
    }

    /** One field of one part of mapping {@code name} for a record (a part mapped once per record, not per child). */
    public String value(String name, String part, String field, Object body) {
        MappingFile file = file(name);
        FieldExpression expression = file.part(part).fields().get(field);
        if (expression == null) {
            throw new IllegalArgumentException("mapping " + name + ", part " + part + " has no field " + field);
        }
        return expression.evaluate(source(file, name, body), functions);
    }

    private MappingSource source(MappingFile file, String name, Object body) {
        MappingSourceAdapter adapter = adapters.get(file.source());
        if (adapter == null) {
            throw new IllegalArgumentException("mapping " + name + " reads source '" + file.source() + "', which no adapter"
                    + " provides (sources: " + new TreeMap<>(adapters).keySet() + ")");
        }
        return adapter.adapt(body);
    }

    /** Every loaded mapping file, by name. */
    public Map<String, MappingFile> all() {
        reloadIfChanged();
        return files;
    }

    public MappingFunctions functions() {
        return functions;
    }

    private static MappingSource withHeaders(MappingSource source, Map<String, Object> headers) {
        return new MappingSource() {
            @Override
            public String value(String name) {
                if (name.startsWith("header.")) {
                    Object value = headers == null ? null : headers.get(name.substring("header.".length()));
                    return value == null ? null : value.toString();
                }
                return source.value(name);
            }

            @Override
            public List<? extends MappingSource> each(String collection) {
                return source.each(collection).stream().map(child -> withHeaders(child, headers)).toList();
            }
        };
    }

    private void reloadIfChanged() {
        long now = System.currentTimeMillis();
        if (now - checkedAt < CHECK_EVERY_MILLIS) {
            return;
        }
        checkedAt = now;
        if (!stamps().equals(stamps)) {
            try {
                reload();
                log.info("mapping files reloaded from {}: {}", dir, files.keySet());
            } catch (RuntimeException e) {
                // keep serving the last good mappings; the log names what is wrong with the edited file
                log.error("mapping files in {} not reloaded, the previous ones stay in use: {}", dir, e.getMessage());
                stamps = stamps();
            }
        }
    }

    private synchronized void reload() {
        Map<Path, Long> seen = stamps();
        Map<String, MappingFile> loaded = new HashMap<>();
        Map<String, String> hashes = new HashMap<>();
        Map<String, List<String>> names = new HashMap<>();
        for (Path path : seen.keySet()) {
            String fileName = path.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - ".yaml".length());
            try {
                String text = resolved(path);
                MappingFile file = MappingFile.parse(name, read(path, text));
                loaded.put(name, file);
                hashes.put(name, fingerprintOf(file, text));
                names.put(name, List.copyOf(file.namesRead()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith("mapping file ") ? e.getMessage()
                        : "mapping file " + path + ": " + e.getMessage(), e);
            }
        }
        files = Map.copyOf(loaded);
        fingerprints = Map.copyOf(hashes);
        namesRead = Map.copyOf(names);
        stamps = seen;
        checkedAt = System.currentTimeMillis();
    }

    private String resolved(Path path) {
        try {
            return environment.resolveRequiredPlaceholders(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("mapping file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(Path path, String text) {
        try {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            if (!(doc instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("it is not a YAML map");
            }
            return (Map<String, Object>) map;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("mapping file " + path + ": " + e.getMessage(), e);
        }
    }

    private Map<Path, Long> stamps() {
        if (!Files.isDirectory(dir)) {
            return Map.of();
        }
        try (Stream<Path> paths = Files.list(dir)) {
            Map<Path, Long> out = new TreeMap<>();
            paths.filter(p -> p.getFileName().toString().endsWith(".yaml")).forEach(p -> {
                try {
                    out.put(p, Files.getLastModifiedTime(p).toMillis());
                } catch (IOException gone) {
                    // removed between the listing and the stat: not a mapping any more
                }
            });
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("mapping files in " + dir + " cannot be listed: " + e.getMessage(), e);
        }
    }
}
