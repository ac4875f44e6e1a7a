package org.communityschools.examples.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
 * A school team's dashboard on the SDK: a small web application on the JDK's {@code com.sun.net.httpserver} with
 * server-rendered pages (my students, one student side by side, school trends, interventions, the disclosure log) and
 * a form and JSON endpoint to record attendance. Everything a page shows of a student is decided by the
 * live policy engine ({@code LiveData}) for the signed-in person and rendered from the text of a {@link StudentRecordView}, which holds
 * only the records inside the scope of a grant of their field; the view's exact entries (fields, record counts, masks,
 * digest) are appended to the hash-chained disclosure log before the page receives the text (34 CFR 99.32), and the
 * figures a page derives from a student's records (rates, counts, charts) are computed only from records in scope
 * ({@code InScope}). See docs/dashboard.md.
 *
 * <p>Start one with {@link #builder()}; {@link #close()} stops it. Thread-safe: requests are served by a small pool.
 */
public final class Dashboard implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Dashboard.class.getName());

    /** Roles that keep the school's attendance register (the policy model has read rules only; see docs/dashboard.md). */
    static final Set<StaffRole> ATTENDANCE_WRITERS = EnumSet.of(StaffRole.PRINCIPAL, StaffRole.TEACHER);

    static final String COOKIE = "cs_session";
    private static final int MAX_BODY = 64 * 1024;

    final LiveData live;
    private final boolean ownsDistrict;
    final ZoneId zone;
    final LocalDate today;
    final SchoolYear year;
    final Path logFile;
    final DisclosureSink sink;
    final Sessions sessions = new Sessions();
    final IdentityProvider identity;
    final boolean secureCookie;
    private final HttpServer server;
    private final ExecutorService requests;
    private final ExecutorService appenders;

    private Dashboard(Builder b) throws IOException {
        this.zone = b.zone;
        this.today = b.today;
        this.year = SchoolYear.containing(today);
        this.ownsDistrict = b.district == null;
        LiveDistrict district = ownsDistrict ? LiveDistrict.of(b.data) : b.district;
        this.live = new LiveData(district, b.policy, zone, today, b.suppression);
        DistrictData data = district.current().data();
        this.logFile = b.logFile;
        this.identity = b.identity == null ? IdentityProvider.demoPicker(data) : b.identity;
        this.secureCookie = b.secureCookie;
        this.sink = DisclosureLogs.jsonLinesFile(logFile);
        this.appenders = Executors.newFixedThreadPool(8, daemon("dashboard-disclosure"));
        this.requests = Executors.newFixedThreadPool(4, daemon("dashboard-http"));
        this.server = HttpServer.create(new InetSocketAddress(b.bindAddress, b.port), 50);
        server.createContext("/", this::handle);
        server.setExecutor(requests);
        server.start();
    }

    /** A builder with the defaults: the shipped default policy, America/New_York, port 8080 on 127.0.0.1, the demo picker. */
    public static Builder builder() {
        return new Builder();
    }

    /** The port the server listens on (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address to open in a browser. */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port() + "/");
    }

    /** The disclosure log this dashboard appends to. */
    public Path disclosureLog() {
        return logFile;
    }

    /** The live district the dashboard serves (its own, or the one the host gave it). */
    public LiveDistrict district() {
        return live.district;
    }

    /** Stops the server, closes the disclosure log and the live district if the dashboard made it (not the host's). Idempotent. */
    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
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

    private Pages pages() { // one request's pages, all on one version of the data
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

    /** One request: its parts parsed, its session found or created. */
    final class Request {
        final HttpExchange exchange;
        final String method;
        final String path;
        final Map<String, String> query;
        Map<String, String> form = Map.of();
        String body = "";
        Sessions.Session session;
        boolean newSession;

        Request(HttpExchange exchange) {
            this.exchange = exchange;
            this.method = exchange.getRequestMethod();
            this.path = exchange.getRequestURI().getPath();
            this.query = parseForm(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
        }

        Optional<Sessions.Viewer> viewer() {
            return session.viewer();
        }

        String param(String name) {
            String v = form.get(name);
            return v != null ? v : query.getOrDefault(name, "");
        }
    }

    /** Whether {@code address} names a loopback address (resolving a name such as {@code localhost}); false if unknown. */
    static boolean isLoopback(String address) {
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private void handle(HttpExchange exchange) {
        int status = 500;
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        try (exchange) {
            Request r = new Request(exchange);
            Instant now = Instant.now();
            String cookie = cookie(exchange, COOKIE);
            r.session = sessions.find(cookie, now).orElse(null);
            if (r.session == null) {
                try {
                    r.session = sessions.create();
                } catch (IllegalStateException full) {
                    byte[] b = "the dashboard holds as many sessions as it may; try again later".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(503, b.length);
                    exchange.getResponseBody().write(b);
                    return;
                }
                r.newSession = true;
            }
            try {
                if (r.method.equals("POST")) {
                    r.body = readBody(exchange);
                    String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
                    if (type.startsWith("application/x-www-form-urlencoded")) {
                        r.form = parseForm(r.body);
                    }
                    String token = r.form.containsKey("csrf") ? r.form.get("csrf") : exchange.getRequestHeaders().getFirst("X-CSRF-Token");
                    if (r.newSession || !Sessions.sameToken(r.session.csrf, token)) {
                        throw new Refused(403, "the form's CSRF token is missing or does not match this session; reload the page and try again");
                    }
                } else if (!r.method.equals("GET") && !r.method.equals("HEAD")) {
                    throw new Refused(405, "method not allowed");
                }
                status = route(r);
            } catch (Refused e) {
                status = e.status;
                if (r.path.startsWith("/api/")) {
                    json(r, status, "{\"error\":" + Json.quote(e.getMessage()) + "}");
                } else {
                    html(r, status, Html.page(this, r, status == 403 ? "Not permitted" : "Refused",
                            "<div class=\"refused\"><h2>" + status + (status == 403 ? " Forbidden" : "") + "</h2><p class=\"reason\">"
                                    + Html.esc(e.getMessage()) + "</p></div>"));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Never the exception's message: it might carry a value from the data.
            LOG.log(System.Logger.Level.WARNING, "request failed: " + route + " (" + e.getClass().getSimpleName() + ")");
            try {
                byte[] b = "internal error".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, b.length);
                exchange.getResponseBody().write(b);
            } catch (IOException | RuntimeException ignored) {
                // the response was already started
            }
        }
        int sent = status;
        LOG.log(System.Logger.Level.DEBUG, () -> route + " -> " + sent);
    }

    private int route(Request r) throws IOException {
        String p = r.path;
        if (p.equals("/static/dashboard.css")) {
            return send(r, 200, "text/css; charset=utf-8", Html.CSS, false);
        }
        if (p.equals("/") && r.method.equals("GET")) {
            if (r.viewer().isPresent()) {
                return redirect(r, "/students");
            }
            return html(r, 200, Html.signIn(this, r));
        }
        if (p.equals("/signin") && r.method.equals("POST")) {
            Optional<StaffId> who = identity.signIn(r.form, r.exchange.getRequestHeaders());
            if (who.isEmpty()) {
                throw new Refused(403, "sign-in refused: not a staff member of this district's data");
            }
            r.session = sessions.signIn(r.session, resolve(who.get()));
            r.newSession = true;
            return redirect(r, "/students");
        }
        if (p.equals("/signout") && r.method.equals("POST")) {
            sessions.remove(r.session);
            r.session = sessions.create();
            r.newSession = true;
            return redirect(r, "/");
        }
        if (r.viewer().isEmpty()) {
            if (p.startsWith("/api/")) {
                throw new Refused(401, "sign in first");
            }
            return redirect(r, "/");
        }
        Sessions.Viewer v = r.viewer().get();
        if (p.equals("/students") && r.method.equals("GET")) {
            return html(r, 200, pages().students(r, v));
        }
        if (p.equals("/students/find") && r.method.equals("POST")) {
            return redirect(r, "/student/" + pages().find(r, v, r.param("student_id").strip()));
        }
        if (p.startsWith("/student/") && r.method.equals("GET")) {
            return html(r, 200, pages().student(r, v, p.substring("/student/".length())));
        }
        if (p.equals("/attendance") && r.method.equals("POST")) {
            Pages.Recorded rec = pages().recordAttendance(r, v, r.param("student"), r.param("date"), r.param("category"));
            r.session.flash = rec.message();
            return redirect(r, "/student/" + r.param("student"));
        }
        if (p.equals("/api/attendance") && r.method.equals("POST")) {
            Map<String, String> in = Json.flatObject(r.body);
            Pages.Recorded rec = pages().recordAttendance(r, v, in.getOrDefault("student", ""), in.getOrDefault("date", ""),
                    in.getOrDefault("category", ""));
            return json(r, 200, rec.json());
        }
        if (p.equals("/trends") && r.method.equals("GET")) {
            return html(r, 200, new SchoolPages(pages()).trends(r, v));
        }
        if (p.equals("/interventions") && r.method.equals("GET")) {
            return html(r, 200, new SchoolPages(pages()).interventions(r, v));
        }
        if (p.equals("/log") && r.method.equals("GET")) {
            return html(r, 200, new SchoolPages(pages()).log(r, v));
        }
        throw new Refused(404, "no such page");
    }

    int html(Request r, int status, String html) throws IOException {
        return send(r, status, "text/html; charset=utf-8", html, true);
    }

    int json(Request r, int status, String json) throws IOException {
        return send(r, status, "application/json; charset=utf-8", json, true);
    }

    private int redirect(Request r, String location) throws IOException {
        r.exchange.getResponseHeaders().set("Location", location);
        headers(r, true);
        r.exchange.sendResponseHeaders(303, -1);
        return 303;
    }

    private int send(Request r, int status, String type, String text, boolean noStore) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        r.exchange.getResponseHeaders().set("Content-Type", type);
        headers(r, noStore);
        boolean head = r.method.equals("HEAD");
        r.exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = r.exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        return status;
    }

    private void headers(Request r, boolean noStore) {
        var h = r.exchange.getResponseHeaders();
        if (r.newSession) {
            h.add("Set-Cookie", COOKIE + "=" + r.session.id + "; Path=/; HttpOnly; SameSite=Strict" + (secureCookie ? "; Secure" : ""));
        }
        h.set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        if (noStore) {
            h.set("Cache-Control", "no-store");
        }
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                throw new Refused(413, "request body too large");
            }
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    static Map<String, String> parseForm(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new Refused(400, "malformed form or query");
            }
        }
        return out;
    }

    private static String cookie(HttpExchange exchange, String name) {
        List<String> headers = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        for (String header : headers) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(name + "=")) {
                    return p.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Settings of a dashboard; each set at most once. */
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
        private IdentityProvider identity;

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

        /** The TCP port, 0 for any free one (default 8080). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The loopback address to listen on (default 127.0.0.1). The sign-in is a demo staff picker, so any address that
         * is not loopback is refused.
         *
         * @throws IllegalArgumentException when the address is not a loopback address
         */
        public Builder bindAddress(String bindAddress) {
            Objects.requireNonNull(bindAddress, "bindAddress");
            if (!isLoopback(bindAddress)) {
                throw new IllegalArgumentException("the dashboard listens on a loopback address only (its sign-in is a "
                        + "demo staff picker), was '" + bindAddress + "'");
            }
            this.bindAddress = bindAddress;
            return this;
        }

        /** Whether the session cookie carries {@code Secure} (set it when users reach the dashboard over HTTPS). */
        public Builder secureCookie(boolean secureCookie) {
            this.secureCookie = secureCookie;
            return this;
        }

        /** Who signs in (default: {@link IdentityProvider#demoPicker}). */
        public Builder identityProvider(IdentityProvider identity) {
            this.identity = Objects.requireNonNull(identity, "identity");
            return this;
        }

        /** Starts the server. */
        public Dashboard start() {
            if ((data == null) == (district == null) || today == null || logFile == null) {
                throw new IllegalStateException("data or district (one of them), today and disclosureLog are required");
            }
            try {
                return new Dashboard(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the dashboard on " + bindAddress + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }
}
