package io.cherrypick.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the console and the JSON API ({@code cherrypick.security}).
 * <ul>
 * <li>{@code enabled}: sign-in required (the {@code postgres} profile, i.e. production, switches it on; the embedded
 * demo leaves it off and says so at start).</li>
 * <li>{@code users}: one entry per person, {@code name:ROLE[+ROLE...]:password}, from the environment
 * ({@code CHERRYPICK_USERS}, entries separated by commas). The password is stored encoded, e.g.
 * {@code {bcrypt}$2a$10$...} ({@code {noop}text} only for trials). Roles: {@link Role}.</li>
 * </ul>
 */
@ConfigurationProperties("cherrypick.security")
public record AccessProperties(boolean enabled, List<String> users) {
    public AccessProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** One person who may sign in. */
    public record User(String name, List<Role> roles, String password) {
    }

    /** The users, read from their entries; an entry that cannot be read stops the start with its position named. */
    public List<User> parsedUsers() {
        List<User> parsed = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            String entry = users.get(i).strip();
            String[] parts = entry.split(":", 3);
            if (parts.length < 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
                throw new IllegalStateException("cherrypick.security.users entry " + (i + 1)
                        + " must read name:ROLE[+ROLE...]:password (the password encoded, e.g. {bcrypt}...)");
            }
            if (!parts[2].startsWith("{")) {
                throw new IllegalStateException("cherrypick.security.users entry " + (i + 1) + " (" + parts[0]
                        + "): the password must be stored encoded, e.g. {bcrypt}$2a$10$... ({noop}text only for a trial)");
            }
            List<Role> roles = new ArrayList<>();
            for (String role : parts[1].split("\\+")) {
                try {
                    roles.add(Role.valueOf(role.strip().toUpperCase()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("cherrypick.security.users entry " + (i + 1) + " (" + parts[0]
                            + "): unknown role '" + role + "'; roles are " + List.of(Role.values()));
                }
            }
            parsed.add(new User(parts[0].strip(), List.copyOf(roles), parts[2]));
        }
        return parsed;
    }
}
