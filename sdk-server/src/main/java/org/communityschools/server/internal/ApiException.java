package org.communityschools.server.internal;

import org.jspecify.annotations.Nullable;

/**
 * A request the service refuses as a whole, with the HTTP status of the AuthZEN HTTPS binding (400, 401, 403) or 503
 * when the disclosure log cannot record a disclosure. The message states the broken rule and is sent to the caller as
 * the error message string; it never holds personal data. Carries no stack trace.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final byte @Nullable [] json;

    ApiException(int status, String message) {
        this(status, message, null);
    }

    private ApiException(int status, String message, byte @Nullable [] json) {
        super(message, null, false, false);
        this.status = status;
        this.json = json;
    }

    /** An error whose body is a JSON object ({@code json}) instead of the message string. */
    static ApiException withJson(int status, String message, byte[] json) {
        return new ApiException(status, message, json.clone());
    }

    /** The JSON body, when the error has one rather than the message string. */
    java.util.Optional<byte[]> json() {
        return java.util.Optional.ofNullable(json).map(byte[]::clone);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }
}
