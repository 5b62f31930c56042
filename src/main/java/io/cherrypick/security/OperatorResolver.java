package io.cherrypick.security;

import java.security.Principal;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Gives controllers the {@link Operator}: a signed-in user's own name wins over any name a request claims. */
@Configuration
public class OperatorResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Operator.class.equals(parameter.getParameterType());
    }

    @Override
    public Operator resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                    WebDataBinderFactory binders) {
        Principal principal = request.getUserPrincipal();
        if (principal != null && principal.getName() != null && !principal.getName().isBlank()) {
            return new Operator(principal.getName());
        }
        String claimed = request.getHeader(Operator.HEADER);
        return new Operator(claimed == null || claimed.isBlank() ? Operator.ANONYMOUS : claimed.strip());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
