package org.communityschools.examples.dashboard;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.examples.cli.ViewCommand;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.publication.SuppressionRules;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.privacy.view.DisclosedView;
import org.communityschools.privacy.view.StudentRecordView;

/**
 * A school team's dashboard on the SDK: a small web application on Javalin (Jetty 12), the server library of the
 * decision service, with server-rendered pages (my students, one student side by side, school trends, interventions,
 * the disclosure log) and a form and JSON endpoint to record attendance. Everything a page shows of a student is
 * decided by the live policy engine
 * ({@code LiveData}) for the signed-in person and rendered from the text of a
 * {@link StudentRecordView}, which holds only the records inside the scope of a grant of their field; the view's exact
 * entries (fields, record counts, masks, digest) are appended to the hash-chained disclosure log before the page
 * receives the text (34 CFR 99.32), and the figures a page derives from a student's records (rates, counts, charts) are
 * computed only from records in scope ({@code InScope}). People sign in with the district's OpenID Connect provider
 * ({@link OpenIdConnect}), through another {@link IdentityProvider}, or, for synthetic data on one's own machine, with
 * the demo staff picker ({@link Builder#demoSignIn()}). See docs/dashboard.md.
 *
 * <p>Start one on its own server with {@link Builder#start()}, or {@link Builder#build()} one and mount it into a host's
 * Javalin application with {@link #registerOn}; {@link #close()} stops it. Thread-safe.
 */
public final class Dashboard implements AutoCloseable {
    /** Roles that keep the school's attendance register (the policy model has read rules only; see docs/dashboard.md). */
    static final Set<StaffRole> ATTENDANCE_WRITERS = EnumSet.of(StaffRole.PRINCIPAL, StaffRole.TEACHER);

    static final String COOKIE = DashboardRoutes.COOKIE;

    final LiveData live;
    private final boolean ownsDistrict;
    final ZoneId zone;
    final LocalDate today;
    final SchoolYear year;
    final Path logFile;
    final DisclosureSink sink;
    final Clock clock;
    final Sessions sessions;
    final IdentityProvider identity;
    final Optional<OidcClient> oidc;
    /** Whether sign-in is the demo staff picker, which authenticates nobody (said on every page). */
    final boolean demo;
    final boolean secureCookie;
    final Optional<URI> publicUri;
    private final DashboardRoutes routes;
    private final ExecutorService appenders;
    private volatile Javalin app;
    private volatile String host;

    private Dashboard(Builder b) {
        this.zone = b.zone;
        this.today = b.today;
        this.year = SchoolYear.containing(today);
        this.clock = b.clock;
        this.ownsDistrict = b.district == null;
        LiveDistrict district = ownsDistrict ? LiveDistrict.of(b.data) : b.district;
        this.live = new LiveData(district, b.policy, zone, today, b.suppression);
        DistrictData data = district.current().data();
        this.logFile = b.logFile;
        this.demo = b.demo;
        this.oidc = b.openIdConnect == null ? Optional.empty() : Optional.of(new OidcClient(b.openIdConnect, clock));
        this.identity = b.demo ? IdentityProvider.demoPicker(data)
                : b.identity != null ? b.identity : (form, headers) -> Optional.empty();
        this.secureCookie = b.secureCookie;
        this.publicUri = Optional.ofNullable(b.publicUri);
        this.sessions = new Sessions(b.idle, b.absolute, b.maxSessions, clock);
        this.sink = DisclosureLogs.jsonLinesFile(logFile);
        this.appenders = Executors.newFixedThreadPool(8, daemon("dashboard-disclosure"));
        this.routes = new DashboardRoutes(this);
    }

    /** A builder with the defaults: the shipped default policy, America/New_York, port 8080 on 127.0.0.1. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Registers the dashboard's routes on a host's Javalin configuration ({@code Javalin.create(config ->
     * dashboard.registerOn(config))}), beside for example the decision service's. It answers {@code /},
     * {@code /static/dashboard.css}, {@code /signin}, {@code /signin/callback}, {@code /signout}, {@code /students},
     * {@code /students/find}, {@code /student/{handle}}, {@code /attendance}, {@code /api/attendance}, {@code /trends},
     * {@code /interventions}, {@code /log}, {@code /meetings}, {@code /meetings/{id}}, {@code /meetings/{id}/summary}
     * and {@code /follow-up}, and handles its own errors.
     *
     * @throws IllegalStateException for the demo sign-in, which only {@link Builder#start()} serves, on loopback
     */
    public void registerOn(JavalinConfig config) {
        Objects.requireNonNull(config, "config");
        if (demo) {
            throw new IllegalStateException("the demo sign-in authenticates nobody: it is served only by Dashboard.Builder.start() "
                    + "on a loopback address; mount a dashboard with an identity provider");
        }
        routes.registerOn(config);
    }

    private void startOn(String host, int port) {
        Javalin a = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = 64 * 1024;
            config.jetty.host = host;
            config.jetty.port = port;
            routes.registerOn(config);
            routes.answerUnknownAddresses(config);
        });
        a.start();
        this.host = host;
        this.app = a;
    }

    /** The port the dashboard's own server listens on (useful with port 0). */
    public int port() {
        return own().port();
    }

    /** The address to open in a browser (its own server's). */
    public URI uri() {
        own();
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port() + "/");
    }

    private Javalin own() {
        Javalin a = app;
        if (a == null) {
            throw new IllegalStateException("this dashboard is mounted in a host application, not started on a server of its own");
        }
        return a;
    }

    /** The disclosure log this dashboard appends to. */
    public Path disclosureLog() {
        return logFile;
    }

    /** The live district the dashboard serves (its own, or the one the host gave it). */
    public LiveDistrict district() {
        return live.district;
    }

    /**
     * Stops its own server, if any, closes the disclosure log and the live district if the dashboard made it (not the
     * host's). Idempotent.
     */
    @Override
    public void close() {
        Javalin a = app;
        if (a != null) {
            a.stop();
        }
        appenders.shutdownNow();
        sink.close();
        live.close();
        if (ownsDistrict) {
            live.district.close();
        }
    }

    DistrictData data() { // the current version's, for what is not one page's (sign-in)
        return live.district.current().data();
    }

    Pages pages() { // one request's pages, all on one version of the data
        return new Pages(this, live.at());
    }

    /** The instant of a request: the dashboard's date at the current time of day in the district's zone. */
    Instant now() {
        return today.atTime(LocalTime.now(zone)).atZone(zone).toInstant();
    }

    // ---- sign-in ----

    Sessions.Viewer resolve(StaffId id) {
        DistrictData data = data();
        Staff staff = data.staff(id).orElseThrow();
        List<StaffAssignment> assignments = data.assignmentsOn(id, today);
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        List<String> organizations = new ArrayList<>();
        Set<SchoolId> schools = new TreeSet<>(Comparator.comparing(SchoolId::value));
        boolean districtWide = false;
        for (StaffAssignment a : assignments) {
            roles.add(a.role());
            organizations.add(a.organizationId().value());
            if (a.organizationId() instanceof SchoolId s) {
                schools.add(s);
            } else if (a.organizationId() instanceof org.communityschools.core.model.OrganizationId o && data.organization(o)
                    .filter(x -> x.type() == OrganizationType.DISTRICT).isPresent()) {
                districtWide = true;
            }
        }
        if (districtWide) {
            data.schools().forEach(s -> schools.add(s.id()));
        }
        schools.addAll(data.schoolsPartneredWith(staff.employerId(), year));
        Purpose purpose = Purpose.of(ViewCommand.defaultPurpose(data, id, today));
        return new Sessions.Viewer(id, staff.firstName() + " " + staff.lastName(), roles, organizations.stream().distinct().toList(),
                purpose, List.copyOf(schools), districtWide);
    }

    // ---- the record of disclosures ----

    /**
     * Records the disclosure of every view in the log, then returns their texts in the same order: each view appends
     * its own exact entries (the fields it writes, the records of each, the masks, the digest of its text), so what is
     * logged is what the page receives to render, never what the decision would have permitted. The appends run
     * together, so a file log forces once for a page of many students (group commit). Throws {@link Refused} (the
     * page is then not sent) when any append fails.
     */
    List<DisclosedView> disclose(List<StudentRecordView> views) {
        if (views.size() == 1) {
            return List.of(disclose(views.get(0)));
        }
        List<Future<DisclosedView>> pending = new ArrayList<>();
        for (StudentRecordView v : views) {
            pending.add(appenders.submit(() -> disclose(v)));
        }
        List<DisclosedView> out = new ArrayList<>(views.size());
        for (Future<DisclosedView> f : pending) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Refused(503, "interrupted while recording the disclosures; nothing was shown");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Refused r ? r : new Refused(503, "the record of disclosures could not be "
                        + "written, so nothing is shown (" + e.getCause().getClass().getSimpleName() + ")");
            }
        }
        return out;
    }

    private DisclosedView disclose(StudentRecordView view) {
        try {
            return view.disclose(sink);
        } catch (RuntimeException e) {
            throw new Refused(503, "the record of disclosures could not be written, so nothing is shown (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A refusal with its HTTP status and a reason for the person (never personal data). */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }

    // ---- HTTP ----

    /**
     * One request as the page renderers see it: its method, path, query and form, and the session of the person signed
     * in (none before sign-in). The renderers know nothing of the server library; only {@link DashboardRoutes} reads
     * {@code ctx}.
     */
    static final class Request {
        final io.javalin.http.Context ctx;
        final String method;
        final String path;
        final Map<String, String> query;
        Map<String, String> form = Map.of();
        String body = "";
        /** The signed-in session; null before sign-in. */
        Sessions.Session session;
        boolean newSession;
        /** The signed CSRF token of the forms shown before sign-in. */
        String anonymousCsrf = "";

        Request(io.javalin.http.Context ctx, String method, String path, Map<String, String> query) {
            this.ctx = ctx;
            this.method = method;
            this.path = path;
            this.query = query;
        }

        Optional<Sessions.Viewer> viewer() {
            return session == null ? Optional.empty() : Optional.of(session.viewer);
        }

        String param(String name) {
            String v = form.get(name);
            return v != null ? v : query.getOrDefault(name, "");
        }

        /** The CSRF token the forms of this page carry: the session's, or a signed one before sign-in. */
        String csrf() {
            return session != null ? session.csrf : anonymousCsrf;
        }

        /** The message of the last action, shown once; null when none. */
        String takeFlash() {
            return session == null ? null : session.takeFlash();
        }
    }

    /** Whether {@code address} names a loopback address (resolving a name such as {@code localhost}); false if unknown. */
    static boolean isLoopback(String address) {
        try {
            for (java.net.InetAddress a : java.net.InetAddress.getAllByName(address)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Settings of a dashboard. Exactly one way of signing in is required. Not thread-safe. */
    public static final class Builder {
        private DistrictData data;
        private LiveDistrict district;
        private SuppressionRules suppression = SuppressionRules.NYSED;
        private LocalDate today;
        private Path logFile;
        private Policy policy = Policies.defaultPolicy();
        private ZoneId zone = ZoneId.of("America/New_York");
        private int port = 8080;
        private String bindAddress = "127.0.0.1";
        private boolean secureCookie;
        private URI publicUri;
        private IdentityProvider identity;
        private OpenIdConnect openIdConnect;
        private boolean demo;
        private Duration idle = Sessions.DEFAULT_IDLE;
        private Duration absolute = Sessions.DEFAULT_ABSOLUTE;
        private int maxSessions = Sessions.DEFAULT_MAX;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The district's data, held live by the dashboard itself (this or {@link #district} is required). */
        public Builder data(DistrictData data) {
            this.data = Objects.requireNonNull(data, "data");
            return this;
        }

        /** The live district to serve (this or {@link #data}); the host's changes show on the next page, and the host closes it. */
        public Builder district(LiveDistrict district) {
            this.district = Objects.requireNonNull(district, "district");
            return this;
        }

        /** The publication rules protecting the group figures the pages show (default {@link SuppressionRules#NYSED}). */
        public Builder suppression(SuppressionRules suppression) {
            this.suppression = Objects.requireNonNull(suppression, "suppression");
            return this;
        }

        /** The date the dashboard acts on: decisions, year to date figures and recorded events (required). */
        public Builder today(LocalDate today) {
            this.today = Objects.requireNonNull(today, "today");
            return this;
        }

        /** The JSON Lines disclosure log to append to, created when missing (required). */
        public Builder disclosureLog(Path logFile) {
            this.logFile = Objects.requireNonNull(logFile, "logFile");
            return this;
        }

        /** The access policy (default: the SDK's default policy). */
        public Builder policy(Policy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The district's time zone (default America/New_York). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** The TCP port of {@link #start()}, 0 for any free one (default 8080). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The address {@link #start()} listens on (default 127.0.0.1). With the {@linkplain #demoSignIn() demo sign-in}
         * only a loopback address is accepted ({@link #start()} refuses any other).
         */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /** Marks cookies {@code Secure} (set it when users reach the dashboard over HTTPS at a proxy not named by {@link #publicUri}). */
        public Builder secureCookie(boolean secureCookie) {
            this.secureCookie = secureCookie;
            return this;
        }

        /**
         * The address users reach the dashboard at, such as {@code https://dashboard.district.example/} behind a
         * TLS-terminating proxy: the OpenID Connect redirect address is made from it, an {@code https} address makes
         * every cookie {@code Secure}, and a form is accepted only from its origin. Unless set, each request's own
         * scheme and {@code Host}.
         */
        public Builder publicUri(URI publicUri) {
            Objects.requireNonNull(publicUri, "publicUri");
            if (!publicUri.isAbsolute() || publicUri.getQuery() != null || publicUri.getFragment() != null
                    || !(publicUri.getScheme().equals("https") || publicUri.getScheme().equals("http"))) {
                throw new IllegalArgumentException("the public address is an absolute http(s) address without query or fragment, was " + publicUri);
            }
            String s = publicUri.toString();
            this.publicUri = URI.create(s.endsWith("/") ? s : s + "/");
            return this;
        }

        /** Sign-in with the district's OpenID Connect provider (its discovery document is read by {@link #build()}). */
        public Builder openIdConnect(OpenIdConnect openIdConnect) {
            this.openIdConnect = Objects.requireNonNull(openIdConnect, "openIdConnect");
            return this;
        }

        /** Sign-in through another identity provider, by the sign-in form or a header a proxy sets. */
        public Builder identityProvider(IdentityProvider identity) {
            this.identity = Objects.requireNonNull(identity, "identity");
            return this;
        }

        /**
         * The demo sign-in: pick any staff member from a list ({@link IdentityProvider#demoPicker}). It authenticates
         * nobody, so every page says so, and it is served only on a loopback address by {@link #start()}.
         */
        public Builder demoSignIn() {
            this.demo = true;
            return this;
        }

        /** A session ends after this long without a request, 1 minute to 1 day (default 30 minutes). */
        public Builder sessionIdleTimeout(Duration idle) {
            this.idle = within(idle, Duration.ofMinutes(1), Duration.ofDays(1), "the idle timeout");
            return this;
        }

        /** A session ends this long after sign-in however active, 1 minute to 7 days (default 8 hours). */
        public Builder sessionAbsoluteTimeout(Duration absolute) {
            this.absolute = within(absolute, Duration.ofMinutes(1), Duration.ofDays(7), "the absolute timeout");
            return this;
        }

        /** The most sessions held at once, 1 to 1,000,000 (default 10,000); beyond it a sign-in is refused (503). */
        public Builder maxSessions(int max) {
            if (max < 1 || max > 1_000_000) {
                throw new IllegalArgumentException("the session bound must be 1 to 1000000, was " + max);
            }
            this.maxSessions = max;
            return this;
        }

        /** The clock sessions, sign-in tokens and ID tokens are timed by (default the system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        private static Duration within(Duration d, Duration min, Duration max, String name) {
            Objects.requireNonNull(d, name);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", was " + d);
            }
            return d;
        }

        /**
         * The dashboard, not listening: mount it with {@link Dashboard#registerOn}.
         *
         * @throws IllegalStateException when a required setting is missing, not exactly one way of signing in is set,
         *                               or the OpenID Connect provider's discovery document cannot be read
         */
        public Dashboard build() {
            if ((data == null) == (district == null) || today == null || logFile == null) {
                throw new IllegalStateException("data or district (one of them), today and disclosureLog are required");
            }
            int ways = (demo ? 1 : 0) + (identity != null ? 1 : 0) + (openIdConnect != null ? 1 : 0);
            if (ways != 1) {
                throw new IllegalStateException("choose exactly one way of signing in: openIdConnect(...), identityProvider(...) "
                        + "or demoSignIn() (synthetic data on one's own machine only); " + ways + " were set");
            }
            return new Dashboard(this);
        }

        /**
         * Starts the dashboard on a server of its own at {@link #bindAddress} and {@link #port}.
         *
         * @throws IllegalArgumentException with the demo sign-in on an address that is not loopback
         * @throws IllegalStateException    as {@link #build()}, or when the server cannot start
         */
        public Dashboard start() {
            if (demo && !isLoopback(bindAddress)) {
                throw new IllegalArgumentException("the demo sign-in authenticates nobody, so the dashboard listens only on a "
                        + "loopback address (127.0.0.1, ::1, localhost) with it, was '" + bindAddress + "'");
            }
            Dashboard d = build();
            try {
                d.startOn(bindAddress, port);
            } catch (RuntimeException e) {
                d.close();
                throw new IllegalStateException("cannot start the dashboard on " + bindAddress + ":" + port + ": " + e.getMessage(), e);
            }
            return d;
        }
    }
}
