package org.communityschools.server.internal;

/**
 * A request the service refuses as a whole, with the HTTP status of the AuthZEN HTTPS binding (400, 401, 403) or 503
 * when the disclosure log cannot record a disclosure. The message states the broken rule and is sent to the caller as
 * the error message string; it never holds personal data. Carries no stack trace.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
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
