package io.cherrypick.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** A settings record as application.yml (no profile) binds it: unit tests get the shipped defaults, not hand-made ones. */
public final class DefaultSettings {
    private DefaultSettings() {
    }

    public static <T> T of(String prefix, Class<T> type) {
        try {
            Binder yml = new Binder(ConfigurationPropertySources.from(new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"))));
            return yml.bind(prefix, Bindable.of(type)).orElseThrow(() -> new IllegalStateException(prefix + " is not in application.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
