package io.cherrypick.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the console and the JSON API ({@code cherrypick.security}); defaults in application.yml.
 *
 * @param enabled       sign-in required (the postgres profile, i.e. production, switches it on; the embedded demo
 *                      leaves it off and says so at start). Cherrypick refuses to start with sign-in off while it
 *                      talks to systems other than the simulators
 * @param users         one entry per person, name:ROLE[+ROLE...]:password, from the environment (CHERRYPICK_USERS,
 *                      entries separated by commas). The password is stored encoded ({bcrypt}$2a$10$...); {noop}text
 *                      is accepted only in a demo (cherrypick.demo=true). Roles: SUPPORT, CX, FINANCE, ADMIN. Never
 *                      printed
 * @param loginThrottle how failed sign-ins slow down guessing
 */
@Validated
@ConfigurationProperties("cherrypick.security")
public record AccessProperties(boolean enabled, List<String> users, @NotNull @Valid LoginThrottle loginThrottle) {
    public AccessProperties {
        users = users == null ? List.of() : users.stream().filter(u -> u != null && !u.isBlank()).map(String::strip).toList();
    }

    /**
     * Failed sign-ins, counted per instance: after {@code maxFailures} failures in a row for one name, or
     * {@code maxFailuresPerAddress} from one address, sign-in for that name or address is refused (HTTP 429) for
     * {@code lockout}, right password or not. A successful sign-in clears the name's count.
     *
     * @param maxFailures           failures in a row for one user name before it is locked
     * @param maxFailuresPerAddress failures in a row from one client address before it is locked (higher: people behind
     *                              one proxy share an address)
     * @param lockout               how long a locked name or address waits
     */
    public record LoginThrottle(@Min(1) int maxFailures, @Min(1) int maxFailuresPerAddress,
                                @NotNull @DurationMin(millis = 1) Duration lockout) {
    }

    /** One person who may sign in. */
    public record User(String name, List<Role> roles, String password) {
        @Override
        public String toString() {
            return "User[name=" + name + ", roles=" + roles + ", password=(hidden)]";
        }
    }

    /**
     * The users, read from their entries. A start with an entry that cannot be used is stopped before this is called
     * (StartupChecks names every such entry); here an unreadable one is refused all the same.
     */
    public List<User> parsedUsers() {
        List<String> unreadable = problems(users, true);
        if (!unreadable.isEmpty()) {
            throw new IllegalStateException(String.join("; ", unreadable));
        }
        List<User> parsed = new ArrayList<>();
        for (String entry : users) {
            String[] parts = entry.split(":", 3);
            List<Role> roles = new ArrayList<>();
            for (String role : parts[1].split("\\+")) {
                roles.add(Role.valueOf(role.strip().toUpperCase()));
            }
            parsed.add(new User(parts[0].strip(), List.copyOf(roles), parts[2]));
        }
        return parsed;
    }

    /**
     * What is wrong with these user entries, one sentence per problem naming the entry by position and name (never the
     * password); empty when all can be used. {@code demo}: whether {noop} (unencoded) passwords are allowed.
     */
    public static List<String> problems(List<String> entries, boolean demo) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i) == null ? "" : entries.get(i).strip();
            String[] parts = entry.split(":", 3);
            String which = "cherrypick.security.users (CHERRYPICK_USERS) entry " + (i + 1);
            if (parts.length < 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
                problems.add(which + " must read name:ROLE[+ROLE...]:password (the password encoded, e.g. {bcrypt}...)");
                continue;
            }
            which += " (" + parts[0].strip() + ")";
            if (!parts[2].startsWith("{") || parts[2].indexOf('}') < 0) {
                problems.add(which + ": the password must be stored encoded, e.g. {bcrypt}$2a$10$...");
            } else if (parts[2].startsWith("{noop}") && !demo) {
                problems.add(which + ": a {noop} password is stored as it is typed; outside a demo (cherrypick.demo=false)"
                        + " store it encoded, e.g. {bcrypt}$2a$10$... (htpasswd -bnBC 10 \"\" 'password' | tr -d ':\\n')");
            }
            for (String role : parts[1].split("\\+")) {
                try {
                    Role.valueOf(role.strip().toUpperCase());
                } catch (IllegalArgumentException e) {
                    problems.add(which + ": unknown role '" + role.strip() + "'; roles are " + List.of(Role.values()));
                }
            }
        }
        return problems;
    }

    /** Names and roles only: passwords (even encoded) are never printed. */
    @Override
    public String toString() {
        List<String> shown = users.stream().map(u -> {
            int last = u.indexOf(':', u.indexOf(':') + 1);
            return last < 0 ? "(unreadable entry)" : u.substring(0, last) + ":(hidden)";
        }).toList();
        return "AccessProperties[enabled=" + enabled + ", users=" + shown + ", loginThrottle=" + loginThrottle + "]";
    }
}
