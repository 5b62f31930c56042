package io.cherrypick.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * Sign-in and roles for the console and the JSON API. People sign in on a form (the console) or with HTTP Basic
 * (scripts); the simulators, the Peoplevox webhooks (which check their own token), health and Prometheus stay open.
 * State-changing requests from a signed-in browser carry a CSRF token (cookie {@code XSRF-TOKEN}, header
 * {@code X-XSRF-TOKEN}); scripts that send their credentials on every request do not need one.
 * With {@code cherrypick.security.enabled=false} (the embedded demo) everything is open, and the log says so.
 */
@Configuration
public class SecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String[] OPEN = {"/sim/**", "/webhooks/**", "/actuator/health/**", "/actuator/prometheus", "/login",
            "/error"};

    @Bean
    SecurityFilterChain cherrypickSecurity(HttpSecurity http, AccessProperties access) throws Exception {
        if (!access.enabled()) {
            log.warn("sign-in is off (cherrypick.security.enabled=false): the console and the API are open to anyone who"
                    + " reaches this port; switch it on with CHERRYPICK_SECURITY_ENABLED=true and CHERRYPICK_USERS");
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable()).build();
        }
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPEN).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/exceptions/**").hasAnyRole(role(Role.SUPPORT), role(Role.ADMIN))
                        .requestMatchers(HttpMethod.PUT, "/api/mappings/**").hasRole(role(Role.ADMIN))
                        .requestMatchers(HttpMethod.DELETE, "/api/mappings/**").hasRole(role(Role.ADMIN))
                        .requestMatchers("/api/reconciliation/**").hasAnyRole(role(Role.FINANCE), role(Role.ADMIN))
                        .requestMatchers(HttpMethod.POST, "/api/stock/**").hasRole(role(Role.ADMIN))
                        .requestMatchers("/api/audit").hasAnyRole(role(Role.SUPPORT), role(Role.FINANCE), role(Role.ADMIN))
                        .requestMatchers("/actuator/**").hasRole(role(Role.ADMIN))
                        .anyRequest().authenticated())
                .formLogin(form -> form.defaultSuccessUrl("/ops", false))
                .httpBasic(Customizer.withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ConsoleCsrfTokens())
                        .ignoringRequestMatchers("/sim/**", "/webhooks/**")
                        .ignoringRequestMatchers(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null))
                .build();
    }

    @Bean
    UserDetailsService cherrypickUsers(AccessProperties access) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (!access.enabled()) {
            return users;
        }
        if (access.users().isEmpty()) {
            throw new IllegalStateException("sign-in is on but no user is set: set CHERRYPICK_USERS to"
                    + " name:ROLE[+ROLE...]:{bcrypt}hash entries separated by commas (roles: SUPPORT, CX, FINANCE, ADMIN)");
        }
        for (AccessProperties.User user : access.parsedUsers()) {
            users.createUser(User.withUsername(user.name()).password(user.password())
                    .roles(user.roles().stream().map(SecurityConfiguration::role).toArray(String[]::new)).build());
        }
        log.info("sign-in is on: {} user(s)", access.users().size());
        return users;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static String role(Role role) {
        return role.name();
    }
}
