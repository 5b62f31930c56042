package io.cherrypick.security;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/me}: who the console is talking for, so it can show the name and hide what the roles do not allow. */
@RestController
@Tag(name = "Sign-in")
public class SignedInController {
    private final AccessProperties access;

    public SignedInController(AccessProperties access) {
        this.access = access;
    }

    @GetMapping("/api/me")
    @Operation(summary = "Who is signed in, with their roles, and whether sign-in is required")
    public Map<String, Object> me(Principal principal) {
        if (!access.enabled() || !(principal instanceof Authentication signedIn)) {
            return Map.of("signInRequired", access.enabled(), "roles", List.of());
        }
        List<String> roles = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).sorted().toList();
        return Map.of("signInRequired", true, "name", signedIn.getName(), "roles", roles);
    }
}
