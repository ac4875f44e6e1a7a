package org.communityschools.examples.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.policy.Purpose;

/**
 * The dashboard's sessions, in memory, for signed-in people only (nobody gets a session before signing in): a random
 * 192-bit id (the cookie), a CSRF token, the signed-in person, the provider's ID token (for sign-out), and the opaque
 * per-session handles that stand for students in links, so that no student id ever appears in a URL. A session ends
 * after an idle timeout (no request for that long) and at an absolute timeout after sign-in, whichever comes first.
 * The store is bounded: expired sessions are swept at most every 30 seconds (a sweep reads every session) and whenever
 * the store is full; a store full of live sessions refuses new sign-ins. Thread-safe.
 */
final class Sessions {
    /** The default idle timeout: 30 minutes without a request. */
    static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    /** The default absolute timeout: 8 hours after sign-in (a working day), however active. */
    static final Duration DEFAULT_ABSOLUTE = Duration.ofHours(8);
    /** The default bound of the store. */
    static final int DEFAULT_MAX = 10_000;
    private static final Duration SWEEP = Duration.ofSeconds(30);

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Duration absolute;
    private final int max;
    private final Clock clock;
    private volatile Instant lastSweep = Instant.EPOCH;

    Sessions(Duration idle, Duration absolute, int max, Clock clock) {
        this.idle = idle;
        this.absolute = absolute;
        this.max = max;
        this.clock = clock;
    }

    /**
     * A new session (new id and CSRF token: a sign-in never keeps an id the browser brought, against session
     * fixation) for {@code viewer}, signed in now with the provider's ID token {@code idToken} (empty for none).
     *
     * @throws IllegalStateException when the store holds its maximum of live sessions
     */
    Session signIn(Viewer viewer, String idToken) {
        Instant now = clock.instant();
        if (now.isAfter(lastSweep.plus(SWEEP)) || byId.size() >= max) {
            lastSweep = now;
            byId.values().removeIf(x -> x.expired(now, idle, absolute));
        }
        if (byId.size() >= max) {
            throw new IllegalStateException("too many sessions (" + max + ") are signed in");
        }
        Session s = new Session(SignedTokens.random(), SignedTokens.random(), viewer, idToken, now);
        byId.put(s.id, s);
        return s;
    }

    /** How many sessions are held. */
    int size() {
        return byId.size();
    }

    /** The live session with this id, touched; empty when unknown or expired (an expired one is removed). */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        synchronized (s) {
            if (s.expired(now, idle, absolute)) {
                byId.remove(id);
                return Optional.empty();
            }
            s.lastSeen = now;
        }
        return Optional.of(s);
    }

    /** Ends a session. */
    void remove(Session s) {
        byId.remove(s.id);
    }

    /**
     * The person signed in, as resolved at sign-in on the dashboard's date.
     *
     * @param staff             the staff id
     * @param displayName       first and last name (staff names are not student data)
     * @param roles             the roles held that day
     * @param organizations     the organizations of those roles, for display
     * @param purpose           the purpose every decision of the session is made for (by role, as the {@code view} command)
     * @param schools           the schools whose figures the person may see: where they hold a role, their employer's
     *                          partner schools that year, or every school for a district-wide role
     * @param districtWide      whether the person holds a role at the district
     */
    record Viewer(StaffId staff, String displayName, Set<StaffRole> roles, List<String> organizations, Purpose purpose,
                  List<SchoolId> schools, boolean districtWide) {
        String roleLabel() {
            return roles.isEmpty() ? "no role today" : String.join(", ", roles.stream()
                    .map(r -> r.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).toList());
        }
    }

    /** One browser's session. Its mutable parts are guarded by the session's monitor. */
    static final class Session {
        final String id;
        final String csrf;
        final Viewer viewer;
        final String idToken;
        final Instant signedIn;
        private Instant lastSeen;
        private final Map<String, StudentId> handles = new HashMap<>();
        private final Map<StudentId, String> handleOf = new HashMap<>();
        volatile String flash;

        Session(String id, String csrf, Viewer viewer, String idToken, Instant signedIn) {
            this.id = id;
            this.csrf = csrf;
            this.viewer = viewer;
            this.idToken = idToken;
            this.signedIn = signedIn;
            this.lastSeen = signedIn;
        }

        private synchronized boolean expired(Instant now, Duration idle, Duration absolute) {
            return now.isAfter(lastSeen.plus(idle)) || now.isAfter(signedIn.plus(absolute));
        }

        /** The opaque handle that stands for {@code student} in this session's links; the same handle each time. */
        synchronized String handle(StudentId student) {
            return handleOf.computeIfAbsent(student, s -> {
                String h = SignedTokens.random().substring(0, 16);
                handles.put(h, s);
                return h;
            });
        }

        /** The student a handle stands for, when this session issued it. */
        synchronized Optional<StudentId> student(String handle) {
            return Optional.ofNullable(handles.get(handle));
        }

        String takeFlash() {
            String f = flash;
            flash = null;
            return f;
        }
    }
}
