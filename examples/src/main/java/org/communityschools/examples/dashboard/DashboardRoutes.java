package org.communityschools.examples.dashboard;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.communityschools.core.model.StaffId;

/**
 * The dashboard's HTTP layer on Javalin: the routes, sign-in (the demo picker or another {@link IdentityProvider} by
 * form, or OpenID Connect by redirect), sign-out, sessions in cookies, CSRF checks and the security headers. Pages are
 * rendered by {@link Pages} and {@link SchoolPages} from a {@link Dashboard.Request}, which knows nothing of Javalin.
 *
 * <p>Nobody has a session before signing in. A form shown before sign-in carries a CSRF token signed by the dashboard
 * (valid 30 minutes, no server state), and every POST is refused when the browser says it comes from another origin
 * ({@code Sec-Fetch-Site} other than {@code same-origin}, or else an {@code Origin} other than the dashboard's). An OpenID Connect sign-in keeps its {@code state}, {@code nonce}, PKCE
 * verifier and redirect address in a signed cookie valid 10 minutes ({@code SameSite=Lax}, so that it comes back with
 * the provider's redirect), and the callback is accepted once per {@code state}. Thread-safe.
 */
final class DashboardRoutes {
    private static final System.Logger LOG = System.getLogger(DashboardRoutes.class.getName());
    static final String COOKIE = "cs_session";
    static final String SIGN_IN_COOKIE = "cs_signin";
    static final String CALLBACK = "/signin/callback";
    private static final int MAX_BODY = 64 * 1024;
    private static final Duration FORM_TOKEN = Duration.ofMinutes(30);
    private static final Duration SIGN_IN_TIME = Duration.ofMinutes(10);
    /** The most sign-ins completed within {@link #SIGN_IN_TIME} that the replay check remembers. */
    private static final int MAX_CONSUMED = 100_000;

    /** Every path the dashboard answers; a host application mounting it must leave these free. */
    static final String[] PATHS = {"/", "/static/dashboard.css", "/signin", CALLBACK, "/signout", "/students", "/students/find",
        "/student/{handle}", "/attendance", "/api/attendance", "/trends", "/interventions", "/interventions/{id}", "/log", "/meetings", "/meetings/{id}",
        "/meetings/{id}/summary", "/follow-up"};

    private final Dashboard d;
    private final SignedTokens tokens;
    private final String csp;
    /** The {@code state} of each OpenID Connect callback accepted, until its sign-in cookie expires: a replay is refused. */
    private final Map<String, Instant> consumed = new ConcurrentHashMap<>();

    DashboardRoutes(Dashboard d) {
        this.d = d;
        this.tokens = new SignedTokens(d.clock);
        String formAction = "'self'" + d.oidc.map(o -> " " + String.join(" ", o.origins())).orElse("");
        this.csp = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action " + formAction
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    void registerOn(JavalinConfig config) {
        for (String p : PATHS) {
            config.routes.get(p, this::handle);
            config.routes.post(p, this::handle);
        }
    }

    /**
     * On the dashboard's own server, any other address gets the dashboard's 404 page with its headers, not the
     * server's default answer. (Mounted, the host's handling of unknown addresses applies.)
     */
    void answerUnknownAddresses(JavalinConfig config) {
        config.routes.error(404, ctx -> {
            if (ctx.attribute(HANDLED) == null) {
                handle(ctx);
            }
        });
    }

    private static final String HANDLED = "org.communityschools.dashboard.handled";

    private void handle(Context ctx) {
        ctx.attribute(HANDLED, Boolean.TRUE);
        int status = 500;
        String route = ctx.method() + " " + ctx.path();
        try {
            Dashboard.Request r = new Dashboard.Request(ctx, ctx.method().name(), ctx.path(),
                    parseForm(Optional.ofNullable(ctx.queryString()).orElse("")));
            r.session = d.sessions.find(ctx.cookie(COOKIE)).orElse(null);
            if (r.session == null) {
                r.anonymousCsrf = tokens.issue("form", "", FORM_TOKEN);
            }
            try {
                if (r.method.equals("POST")) {
                    checkPost(ctx, r);
                }
                status = route(r);
            } catch (Dashboard.Refused e) {
                status = e.status;
                if (r.path.startsWith("/api/")) {
                    json(r, status, "{\"error\":" + Json.quote(e.getMessage()) + "}");
                } else {
                    html(r, status, Html.page(d, r, status == 403 ? "Not permitted" : "Refused",
                            "<div class=\"refused\"><h2>" + status + (status == 403 ? " Forbidden" : "") + "</h2><p class=\"reason\">"
                                    + Html.esc(e.getMessage()) + "</p></div>"));
                }
            }
        } catch (Dashboard.Refused e) { // a malformed query, before any page could be rendered
            status = e.status;
            ctx.status(status).contentType("text/plain; charset=utf-8").result(e.getMessage());
        } catch (RuntimeException e) {
            // Never the exception's message: it might carry a value from the data.
            LOG.log(System.Logger.Level.WARNING, "request failed: " + route + " (" + e.getClass().getSimpleName() + ")");
            ctx.status(500).contentType("text/plain; charset=utf-8").result("internal error");
        }
        int sent = status;
        LOG.log(System.Logger.Level.DEBUG, () -> route + " -> " + sent);
    }

    /** A POST: from this site, of a bounded size, with the CSRF token of the session (or a signed one before sign-in). */
    private void checkPost(Context ctx, Dashboard.Request r) {
        // Fetch Metadata first; with Referrer-Policy: no-referrer a browser sends "Origin: null" even from this site
        String site = ctx.header("Sec-Fetch-Site");
        String origin = ctx.header("Origin");
        boolean foreign = site != null ? !site.equals("same-origin") && !site.equals("none")
                : origin != null && !origin.equals("null") && !origin.equals(origin(base(r)));
        if (foreign) {
            throw new Dashboard.Refused(403, "a form posted from another site is refused");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY) {
            throw new Dashboard.Refused(413, "request body too large");
        }
        r.body = new String(body, StandardCharsets.UTF_8);
        if (Optional.ofNullable(ctx.header("Content-Type")).orElse("").startsWith("application/x-www-form-urlencoded")) {
            r.form = parseForm(r.body);
        }
        String token = r.form.containsKey("csrf") ? r.form.get("csrf") : ctx.header("X-CSRF-Token");
        boolean ok = r.session != null ? SignedTokens.same(r.session.csrf, token) : tokens.verify("form", token).isPresent();
        if (!ok) {
            throw new Dashboard.Refused(403, "the form's CSRF token is missing or does not match this session; reload the page and try again");
        }
    }

    private int route(Dashboard.Request r) {
        String p = r.path;
        if (p.equals("/static/dashboard.css")) {
            return send(r, 200, "text/css; charset=utf-8", Html.CSS, false);
        }
        if (p.equals("/") && r.method.equals("GET")) {
            return r.viewer().isPresent() ? redirect(r, "/students") : html(r, 200, Html.signIn(d, r));
        }
        if (p.equals("/signin") && r.method.equals("POST")) {
            return d.oidc.isPresent() ? startOidc(r) : signInByForm(r);
        }
        if (p.equals(CALLBACK) && r.method.equals("GET") && d.oidc.isPresent()) {
            return callback(r);
        }
        if (p.equals("/signout") && r.method.equals("POST")) {
            return signOut(r);
        }
        if (r.viewer().isEmpty()) {
            if (p.startsWith("/api/")) {
                throw new Dashboard.Refused(401, "sign in first");
            }
            return redirect(r, "/");
        }
        Sessions.Viewer v = r.viewer().get();
        if (p.equals("/students") && r.method.equals("GET")) {
            return html(r, 200, d.pages().students(r, v));
        }
        if (p.equals("/students/find") && r.method.equals("POST")) {
            return redirect(r, "/student/" + d.pages().find(r, v, r.param("student_id").strip()));
        }
        if (p.startsWith("/student/") && r.method.equals("GET")) {
            return html(r, 200, d.pages().student(r, v, p.substring("/student/".length())));
        }
        if (p.equals("/attendance") && r.method.equals("POST")) {
            Pages.Recorded rec = d.pages().recordAttendance(r, v, r.param("student"), r.param("date"), r.param("category"));
            r.session.flash = rec.message();
            return redirect(r, "/student/" + r.param("student"));
        }
        if (p.equals("/api/attendance") && r.method.equals("POST")) {
            Map<String, String> in = Json.flatObject(r.body);
            Pages.Recorded rec = d.pages().recordAttendance(r, v, in.getOrDefault("student", ""), in.getOrDefault("date", ""),
                    in.getOrDefault("category", ""));
            return json(r, 200, rec.json());
        }
        if (p.equals("/trends") && r.method.equals("GET")) {
            return html(r, 200, new SchoolPages(d.pages()).trends(r, v));
        }
        if (p.equals("/interventions") && r.method.equals("GET")) {
            return html(r, 200, new SchoolPages(d.pages()).interventions(r, v));
        }
        if (p.startsWith("/interventions/") && p.indexOf('/', "/interventions/".length()) < 0) {
            return participation(r, v);
        }
        if (p.equals("/log") && r.method.equals("GET")) {
            return html(r, 200, new SchoolPages(d.pages()).log(r, v));
        }
        if (p.equals("/follow-up") && r.method.equals("GET")) {
            return html(r, 200, new FollowUpPages(d.pages()).page(r, v));
        }
        if (p.equals("/meetings") || p.startsWith("/meetings/")) {
            return meetings(r, v);
        }
        throw new Dashboard.Refused(404, "no such page");
    }

    /**
     * An intervention's page, recording and ending participation through {@link ParticipationRecorder}; a change the data
     * directory's rules refuse is a 400 with the located errors, and changes nothing.
     */
    private int participation(Dashboard.Request r, Sessions.Viewer v) {
        ParticipationRecorder recorder = new ParticipationRecorder(d.pages());
        String id = URLDecoder.decode(r.path.substring("/interventions/".length()), StandardCharsets.UTF_8);
        org.communityschools.core.model.Intervention i = recorder.intervention(v, id);
        if (r.method.equals("GET")) {
            return html(r, 200, recorder.page(r, v, i));
        }
        try {
            r.session.flash = recorder.act(r, v, i);
            return redirect(r, "/interventions/" + URLEncoder.encode(i.id().value(), StandardCharsets.UTF_8));
        } catch (MeetingRecorder.Rejected e) {
            throw new Dashboard.Refused(400, "the participation breaks a rule of the district's data and was not recorded: "
                    + String.join("; ", e.located));
        }
    }

    /**
     * The meetings ({@link MeetingPages}, {@link MeetingSummary}); every form through {@link MeetingRecorder}. A change the
     * data directory's rules refuse shows the meeting page again with the located errors, and changes nothing.
     */
    private int meetings(Dashboard.Request r, Sessions.Viewer v) {
        Pages pages = d.pages();
        MeetingPages meetings = new MeetingPages(pages);
        String[] parts = r.path.substring(1).split("/", -1);
        boolean get = r.method.equals("GET");
        if (parts.length == 1) {
            if (get) {
                return html(r, 200, meetings.list(r, v));
            }
            try {
                String id = new MeetingRecorder(pages).open(r, v).value();
                r.session.flash = "Meeting opened.";
                return redirect(r, "/meetings/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            } catch (MeetingRecorder.Rejected e) {
                throw new Dashboard.Refused(400, "the meeting breaks a rule of the district's data and was not opened: "
                        + String.join("; ", e.located));
            }
        }
        org.communityschools.core.model.Meeting m = meetings.meeting(v, URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        String here = "/meetings/" + URLEncoder.encode(m.id().value(), StandardCharsets.UTF_8);
        if (parts.length == 2 && get) {
            return html(r, 200, meetings.page(r, v, m, java.util.List.of()));
        }
        if (parts.length == 2) {
            try {
                r.session.flash = new MeetingRecorder(pages).act(r, v, m);
                return redirect(r, here);
            } catch (MeetingRecorder.Rejected e) {
                return html(r, 400, new MeetingPages(d.pages()).page(r, v, m, e.located));
            }
        }
        if (parts.length == 3 && parts[2].equals("summary") && get) {
            return html(r, 200, new MeetingSummary(pages).page(r, v, m));
        }
        throw new Dashboard.Refused(404, "no such page");
    }

    // ---- sign-in and sign-out ----

    /** The demo picker or another form identity provider: the staff id from the form (or a header a proxy sets). */
    private int signInByForm(Dashboard.Request r) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        r.ctx.headerMap().forEach(headers::put);
        Optional<StaffId> who = d.identity.signIn(r.form, headers);
        if (who.isEmpty()) {
            throw new Dashboard.Refused(403, "sign-in refused: not a staff member of this district's data");
        }
        return signedIn(r, who.get(), "", false);
    }

    /** Starts an OpenID Connect sign-in: a fresh state, nonce and PKCE verifier in a signed cookie, then the provider. */
    private int startOidc(Dashboard.Request r) {
        OidcClient oidc = d.oidc.orElseThrow();
        String state = SignedTokens.random();
        String nonce = SignedTokens.random();
        String verifier = SignedTokens.codeVerifier();
        URI redirect = base(r).resolve(CALLBACK);
        String cookie = tokens.issue("oidc", state + " " + nonce + " " + verifier + " " + redirect, SIGN_IN_TIME);
        r.ctx.addHeader("Set-Cookie", SIGN_IN_COOKIE + "=" + cookie + "; Path=" + CALLBACK + "; Max-Age=" + SIGN_IN_TIME.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secure(r) ? "; Secure" : ""));
        return redirect(r, oidc.authorizationRequest(redirect, state, nonce, verifier).toString());
    }

    /** The provider's redirect back: the state of this browser's sign-in, once; the code redeemed; the ID token checked. */
    private int callback(Dashboard.Request r) {
        if (r.ctx.cookie(SIGN_IN_COOKIE) != null) { // used once: cleared whatever the outcome
            r.ctx.addHeader("Set-Cookie", SIGN_IN_COOKIE + "=; Path=" + CALLBACK + "; Max-Age=0; HttpOnly; SameSite=Lax"
                    + (secure(r) ? "; Secure" : ""));
        }
        String[] started = tokens.verify("oidc", r.ctx.cookie(SIGN_IN_COOKIE)).map(s -> s.split(" ")).orElse(null);
        if (started == null || started.length != 4) {
            throw new Dashboard.Refused(403, "sign-in refused: this sign-in was not started in this browser in the last "
                    + SIGN_IN_TIME.toMinutes() + " minutes; sign in again");
        }
        String state = r.query.get("state");
        if (!SignedTokens.same(started[0], state)) {
            throw new Dashboard.Refused(403, "sign-in refused: the state returned by the identity provider is not the one of "
                    + "this browser's sign-in; sign in again");
        }
        Instant now = d.clock.instant();
        if (consumed.size() >= MAX_CONSUMED) {
            consumed.values().removeIf(expiry -> expiry.isBefore(now));
            if (consumed.size() >= MAX_CONSUMED) {
                throw new Dashboard.Refused(503, "too many sign-ins at once; try again in a few minutes");
            }
        }
        if (consumed.putIfAbsent(state, now.plus(SIGN_IN_TIME)) != null) {
            throw new Dashboard.Refused(403, "sign-in refused: this sign-in was already completed (a replayed callback); sign in again");
        }
        if (r.query.containsKey("error")) {
            throw new Dashboard.Refused(403, "the identity provider did not sign you in (" + r.query.get("error") + ")");
        }
        String code = r.query.getOrDefault("code", "");
        if (code.isEmpty()) {
            throw new Dashboard.Refused(403, "sign-in refused: the identity provider returned no authorization code");
        }
        OidcClient.SignedIn in = d.oidc.orElseThrow().redeem(code, URI.create(started[3]), started[2], started[1]);
        StaffId staff;
        try {
            staff = StaffId.of(in.staff());
        } catch (IllegalArgumentException e) {
            throw new Dashboard.Refused(403, "sign-in refused: not a staff member of this district's data");
        }
        if (d.data().staff(staff).isEmpty()) {
            throw new Dashboard.Refused(403, "sign-in refused: not a staff member of this district's data");
        }
        return signedIn(r, staff, in.idToken(), true);
    }

    /**
     * A new session for {@code staff} (any session the browser had ends: a new id at every sign-in). After a redirect
     * from the provider the answer is a page that moves on by itself: a redirect chain that began at another site would
     * not carry the {@code SameSite=Strict} session cookie to the next page.
     */
    private int signedIn(Dashboard.Request r, StaffId staff, String idToken, boolean fromProvider) {
        if (r.session != null) {
            d.sessions.remove(r.session);
        }
        try {
            r.session = d.sessions.signIn(d.resolve(staff), idToken);
        } catch (IllegalStateException full) {
            throw new Dashboard.Refused(503, "the dashboard holds as many sessions as it may; try again later");
        }
        r.newSession = true;
        if (!fromProvider) {
            return redirect(r, "/students");
        }
        return send(r, 200, "text/html; charset=utf-8", "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=/students\"><title>Signed in</title></head><body>"
                + "<p>Signed in. <a href=\"/students\" id=\"continue\">Continue</a></p></body></html>\n", true);
    }

    /** Ends the session, then the provider's session too when it offers an {@code end_session_endpoint}. */
    private int signOut(Dashboard.Request r) {
        String idToken = r.session == null ? "" : r.session.idToken;
        if (r.session != null) {
            d.sessions.remove(r.session);
            r.session = null;
        }
        r.ctx.addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure(r) ? "; Secure" : ""));
        URI home = base(r).resolve("/");
        String next = d.oidc.flatMap(o -> o.endSession(idToken, home)).map(URI::toString).orElse("/");
        return redirect(r, next);
    }

    // ---- responses ----

    int html(Dashboard.Request r, int status, String html) {
        return send(r, status, "text/html; charset=utf-8", html, true);
    }

    int json(Dashboard.Request r, int status, String json) {
        return send(r, status, "application/json; charset=utf-8", json, true);
    }

    private int redirect(Dashboard.Request r, String location) {
        headers(r, true);
        r.ctx.header("Location", location);
        r.ctx.status(303);
        return 303;
    }

    private int send(Dashboard.Request r, int status, String type, String text, boolean noStore) {
        headers(r, noStore);
        r.ctx.status(status).contentType(type).result(text.getBytes(StandardCharsets.UTF_8));
        return status;
    }

    private void headers(Dashboard.Request r, boolean noStore) {
        Context c = r.ctx;
        if (r.newSession) {
            c.addHeader("Set-Cookie", COOKIE + "=" + r.session.id + "; Path=/; HttpOnly; SameSite=Strict" + (secure(r) ? "; Secure" : ""));
        }
        c.header("Content-Security-Policy", csp);
        c.header("X-Content-Type-Options", "nosniff");
        c.header("Referrer-Policy", "no-referrer");
        c.header("X-Frame-Options", "DENY");
        if (noStore) {
            c.header("Cache-Control", "no-store");
        }
    }

    /** The address users reach the dashboard at: the configured public address, else this request's scheme and host. */
    private URI base(Dashboard.Request r) {
        return d.publicUri.orElseGet(() -> URI.create(r.ctx.scheme() + "://" + Optional.ofNullable(r.ctx.header("Host"))
                .orElse(r.ctx.host()) + "/"));
    }

    /** Whether cookies carry {@code Secure}: when configured, or when users reach the dashboard over https. */
    private boolean secure(Dashboard.Request r) {
        return d.secureCookie || "https".equals(base(r).getScheme());
    }

    private static String origin(URI u) {
        return u.getScheme() + "://" + u.getRawAuthority();
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
                throw new Dashboard.Refused(400, "malformed form or query");
            }
        }
        return out;
    }
}
