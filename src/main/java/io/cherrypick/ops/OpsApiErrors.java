package io.cherrypick.ops;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Bad input to the ops API is a 400 whose {@code error} names the field and says what is wrong: a body that is not
 * JSON or has a value of the wrong type, a path or query value of the wrong type, a missing parameter, a value too long
 * or holding control characters ({@link BadValue}). Nothing is changed by such a request: it fails before the action.
 */
@RestControllerAdvice(basePackages = "io.cherrypick.ops")
@Order(Ordered.LOWEST_PRECEDENCE)
public class OpsApiErrors {

    /** A value of a request that cannot be taken as it is; the message names the field. */
    public static class BadValue extends RuntimeException {
        public BadValue(String message) {
            super(message);
        }
    }

    /** {@code value} when it is at most {@code max} characters and has no control characters; otherwise a BadValue. */
    public static String checked(String field, String value, int max) {
        if (value.length() > max) {
            throw new BadValue("field " + field + " is " + value.length() + " characters long; at most " + max + " fit");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new BadValue("field " + field + " holds a control character (e.g. a tab or a line break)");
        }
        return value;
    }

    @ExceptionHandler(BadValue.class)
    public ResponseEntity<Map<String, String>> badValue(BadValue e) {
        return badRequest(e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, String>> unreadableBody(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").reduce((a, b) -> a + "." + b).orElse("?");
            return badRequest("field " + field + " has a value of the wrong type (expected "
                    + mismatch.getTargetType().getSimpleName() + "); nothing was changed");
        }
        return badRequest("the request body is not valid JSON (or is missing); nothing was changed");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Map<String, String>> wrongType(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another value" : e.getRequiredType().isEnum()
                ? "one of " + java.util.Arrays.toString(e.getRequiredType().getEnumConstants())
                : "a " + e.getRequiredType().getSimpleName();
        return badRequest("field " + e.getName() + " must be " + expected + ", not '" + e.getValue() + "'; nothing was changed");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<Map<String, String>> missing(MissingServletRequestParameterException e) {
        return badRequest("field " + e.getParameterName() + " is required; nothing was changed");
    }

    private static ResponseEntity<Map<String, String>> badRequest(String message) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", message));
    }
}
