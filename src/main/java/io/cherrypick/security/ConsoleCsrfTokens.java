package io.cherrypick.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * CSRF tokens for a page that calls the API with {@code fetch}: the token is written to the {@code XSRF-TOKEN} cookie on
 * every response, and the console sends it back as is in {@code X-XSRF-TOKEN}. Tokens rendered into HTML (the sign-in
 * form's hidden field) stay masked per response, as Spring Security does by default.
 */
final class ConsoleCsrfTokens implements CsrfTokenRequestHandler {
    private final CsrfTokenRequestHandler asSent = new CsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        masked.handle(request, response, token);
        token.get(); // load the deferred token now, so the cookie is written with this response
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        String header = request.getHeader(token.getHeaderName());
        return (header == null || header.isBlank() ? masked : asSent).resolveCsrfTokenValue(request, token);
    }
}
