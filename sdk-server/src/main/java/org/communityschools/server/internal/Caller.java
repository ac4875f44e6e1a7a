package org.communityschools.server.internal;

import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.model.StaffId;

/**
 * Who is calling, as the bearer token says: a trusted client (an enforcement point that may ask about any staff
 * member), or a user whose staff id the token carries and who may ask only about themselves.
 *
 * @param staff   the user's staff id, when the token carries one
 * @param client  the client the token was issued to, when the token names one
 * @param trusted whether the client is configured as trusted (always for the insecure demo)
 * @param changes whether the token carries the scope that permits submitting changes (always for the insecure demo)
 */
record Caller(Optional<StaffId> staff, Optional<String> client, boolean trusted, boolean changes) {
    static final Caller DEMO = new Caller(Optional.empty(), Optional.of("insecure-demo"), true, true);

    Caller {
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(client, "client");
    }

    /** Refuses (403) a question about {@code subject} that this caller may not ask. */
    void checkMayAskAbout(StaffId subject) {
        if (trusted || staff.filter(subject::equals).isPresent()) {
            return;
        }
        throw ApiException.forbidden(staff.isEmpty()
                ? "the token carries no staff id and its client is not a trusted enforcement point"
                : "a user token may ask only about its own subject; the subject named in the request is another staff member");
    }

    /** Refuses (403) a change submission from a caller without the change scope. */
    void checkMayChange() {
        if (!changes) {
            throw ApiException.forbidden("submitting changes needs a token with the change scope the service is "
                    + "configured with; a staff or enforcement point token is not enough");
        }
    }

    /** Refuses (403) a question only a trusted client may ask. */
    void checkTrusted(String what) {
        if (!trusted) {
            throw ApiException.forbidden(what + " is answered only to a trusted enforcement point");
        }
    }
}
