package org.communityschools.examples.dashboard;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
 * The dashboard's sessions, in memory: a random id (the cookie), a CSRF token, the signed-in person, and the opaque
 * per-session handles that stand for students in links, so that no student id ever appears in a URL. Sessions expire
 * after 30 minutes without a request. Thread-safe.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The most sessions held at once; beyond it the oldest anonymous sessions go first, then new ones are refused. */
    static final int MAX_SESSIONS = 10_000;
    /** How often expired sessions are swept (not on every request: a sweep reads every session). */
    private static final Duration SWEEP = Duration.ofSeconds(30);

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private volatile Instant lastSweep = Instant.EPOCH;

    /**
     * A new anonymous session. The store is bounded: expired sessions are swept at most every 30 seconds, and when it
     * holds {@link #MAX_SESSIONS} the anonymous sessions (nobody signed in) are dropped, oldest first; a store full of
     * signed-in sessions refuses new ones.
     *
     * @throws IllegalStateException when the store is full of signed-in sessions
     */
    Session create() {
        Instant now = Instant.now();
        if (now.isAfter(lastSweep.plus(SWEEP)) || byId.size() >= MAX_SESSIONS) {
            lastSweep = now;
            Instant cutoff = now.minus(IDLE);
            byId.values().removeIf(x -> {
                synchronized (x) {
                    return x.lastSeen.isBefore(cutoff);
                }
            });
        }
        if (byId.size() >= MAX_SESSIONS) {
            byId.values().stream().filter(x -> x.viewer == null)
                    .sorted(java.util.Comparator.comparing(x -> {
                        synchronized (x) {
                            return x.lastSeen;
                        }
                    }))
                    .limit(Math.max(1, byId.size() - MAX_SESSIONS + MAX_SESSIONS / 10))
                    .toList().forEach(x -> byId.remove(x.id));
            if (byId.size() >= MAX_SESSIONS) {
                throw new IllegalStateException("too many sessions (" + MAX_SESSIONS + ") are signed in");
            }
        }
        Session s = new Session(token(), token());
        byId.put(s.id, s);
        return s;
    }

    /** How many sessions are held. */
    int size() {
        return byId.size();
    }

    /** The live session with this id, touched; empty when unknown or expired (an expired one is removed). */
    Optional<Session> find(String id, Instant now) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            if (s.lastSeen.plus(IDLE).isBefore(now)) {
                byId.remove(id);
                return Optional.empty();
            }
            s.lastSeen = now;
        }
        return Optional.of(s);
    }

    /** Signs {@code old} out and returns a new session (new id and CSRF token, against session fixation) for {@code viewer}. */
    Session signIn(Session old, Viewer viewer) {
        byId.remove(old.id);
        Session s = new Session(token(), token());
        s.viewer = viewer;
        byId.put(s.id, s);
        return s;
    }

    void remove(Session s) {
        byId.remove(s.id);
    }

    static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Compares two tokens in time independent of where they differ. */
    static boolean sameToken(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
        volatile Viewer viewer;
        Instant lastSeen = Instant.now();
        private final Map<String, StudentId> handles = new HashMap<>();
        private final Map<StudentId, String> handleOf = new HashMap<>();
        volatile String flash;

        Session(String id, String csrf) {
            this.id = id;
            this.csrf = csrf;
        }

        Optional<Viewer> viewer() {
            return Optional.ofNullable(viewer);
        }

        /** The opaque handle that stands for {@code student} in this session's links; the same handle each time. */
        synchronized String handle(StudentId student) {
            return handleOf.computeIfAbsent(student, s -> {
                String h = token().substring(0, 16);
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
