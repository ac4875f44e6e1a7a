package org.communityschools.examples.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client for the dashboard tests: keeps the session cookie ({@link #cookie}) and any other cookie the
 * dashboard sets (the OpenID Connect sign-in's), drops a cookie set with {@code Max-Age=0}, never follows redirects,
 * finds the CSRF token.
 */
final class Client {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern HREF = Pattern.compile("href=\"(/student/[^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;
    /** The session cookie as sent ({@code cs_session=...}), or null. */
    String cookie;
    /** The other cookies, by name. */
    final Map<String, String> others = new LinkedHashMap<>();
    String csrf;

    Client(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> post(String path, Map<String, String> form, String header, String value) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header(header, value).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> postJson(String path, String json, Optional<String> token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        token.ifPresent(t -> b.header("X-CSRF-Token", t));
        return send(b);
    }

    /** Opens the sign-in page and signs in as {@code staff} with the demo picker. */
    Client signIn(String staff) {
        get("/");
        HttpResponse<String> r = post("/signin", form("staff_id", staff));
        if (r.statusCode() != 303) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode());
        }
        get("/students");
        return this;
    }

    Map<String, String> form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("csrf", csrf == null ? "" : csrf);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<String> studentLinks(String html) {
        Matcher m = HREF.matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        List<String> jar = new java.util.ArrayList<>();
        if (cookie != null) {
            jar.add(cookie);
        }
        others.forEach((k, v) -> jar.add(k + "=" + v));
        if (!jar.isEmpty()) {
            b.header("Cookie", String.join("; ", jar));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (String c : r.headers().allValues("set-cookie")) {
                String pair = c.substring(0, c.indexOf(';'));
                String name = pair.substring(0, pair.indexOf('='));
                boolean cleared = c.contains("Max-Age=0");
                if (name.equals(Dashboard.COOKIE)) {
                    cookie = cleared ? null : pair;
                } else if (cleared) {
                    others.remove(name);
                } else {
                    others.put(name, pair.substring(name.length() + 1));
                }
            }
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
