package org.communityschools.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.core.model.StudentStaffRelationship;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.policy.DecisionCache;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.Purpose;
import org.communityschools.server.DecisionService;
import org.communityschools.server.Identity;
import org.communityschools.server.RunningService;

/**
 * The decision service under load (issue 16): access evaluations per second and their p50/p99 latency at 1, 16 and 64
 * concurrent clients, each a closed loop (the next request when the answer is read), over HTTP on loopback with
 * keep-alive connections, against the same engine and decision cache called in-process by as many threads in the same
 * run (the service's cost is the ratio). The requests are the mentoring caseloads of the city on 2018-03-01 for
 * {@code student-support} (as in {@link PolicyBenchmark}), warmed first so that every decision is cached: the figures
 * are those of cached decisions. Two HTTP clients: {@code java.net.http} (the JDK's client, one shared client with its
 * connection pool) and {@code socket}, a minimal HTTP/1.1 client (one blocking socket per client thread, the request
 * bytes prepared, the response read to its Content-Length), which spends less of the two cores on the client side;
 * {@code socket+token} sends every request with the same RS256 bearer token of a trusted client to a second service
 * that checks tokens (its keys from a JWKS endpoint on loopback), so that the cost of the token check (remembered
 * after the first verification) is in the figure.
 *
 * <pre>java -Xmx3g -cp benchmarks.jar org.communityschools.benchmarks.ServiceLoad [PRESET [SECONDS]]</pre>
 *
 * Prints one {@code [bench] service} line per client and concurrency; not a JMH benchmark, because JMH cannot drive a
 * server's concurrency and measure percentiles of one closed loop per client at once.
 */
public final class ServiceLoad {
    private static final int[] CLIENTS = {1, 16, 64};
    /** At most this many latencies are kept per thread and level (the rest are counted only). */
    private static final int KEPT = 1 << 20;

    private ServiceLoad() {}

    /** One request of a closed loop: its work for request number {@code i}; returns whether the decision permits. */
    @FunctionalInterface
    interface Caller {
        boolean call(int i) throws Exception;
    }

    /** A client thread's caller (each thread gets its own, e.g. its own connection). */
    @FunctionalInterface
    interface Callers {
        Caller newCaller() throws IOException;
    }

    /**
     * A level's figures; {@code cpuMicros} is the process's CPU time (client and server threads together) per request,
     * which the other processes on a shared machine do not inflate the way they inflate latency.
     */
    record Result(double perSecond, double p50Micros, double p99Micros, long requests, double cpuMicros, long gcMillis) {}

    public static void main(String[] args) throws Exception {
        String preset = args.length > 0 ? args[0] : "district";
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        DistrictData data = City.load(preset);
        PolicyEngine engine = PolicyEngine.builder().policy(Policies.defaultPolicy()).districtData(data)
                .zone(PolicyBenchmark.ZONE).build();
        Instant at = PolicyBenchmark.DAY.atTime(10, 0).atZone(PolicyBenchmark.ZONE).toInstant();
        List<StudentStaffRelationship> caseloads = new ArrayList<>();
        for (StudentStaffRelationship r : data.studentStaffRelationships()) {
            if (r.relationship() == RelationshipType.MENTOR_OF && r.period().contains(PolicyBenchmark.DAY)) {
                caseloads.add(r);
            }
        }
        int n = Math.min(caseloads.size(), 4096);
        StaffId[] staff = new StaffId[n];
        StudentId[] students = new StudentId[n];
        byte[][] bodies = new byte[n][];
        for (int i = 0; i < n; i++) {
            staff[i] = caseloads.get(i).staffId();
            students[i] = caseloads.get(i).studentId();
            bodies[i] = ("{\"subject\":{\"type\":\"staff\",\"id\":\"" + staff[i].value() + "\"},\"resource\":{\"type\":"
                    + "\"student\",\"id\":\"" + students[i].value() + "\"},\"action\":{\"name\":\"view\"},"
                    + "\"context\":{\"purpose\":\"" + PolicyBenchmark.SUPPORT.code() + "\"}}").getBytes(StandardCharsets.UTF_8);
        }
        DecisionCache cache = DecisionCache.builder().maximumSize(100_000).build();
        DecisionService service = DecisionService.builder().engine(engine).districtData(data)
                .disclosureLog(DisclosureLogs.inMemory()).identity(Identity.insecureDemo())
                .clock(Clock.fixed(at, PolicyBenchmark.ZONE)).decisionCache(cache).build();
        System.out.printf(Locale.ROOT, "%n[bench] service: %s, %,d distinct cached evaluations (mentor, mentee, %s), "
                + "%.0f s per level, load average before %s%n", preset, n, PolicyBenchmark.SUPPORT.code(), seconds, loadAverage());
        Purpose purpose = PolicyBenchmark.SUPPORT;
        // a second service that checks bearer tokens: an RS256 token of a trusted client, the keys from a JWKS endpoint
        com.nimbusds.jose.jwk.RSAKey key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("bench")
                .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).generate();
        io.javalin.Javalin idp = io.javalin.Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.get("/jwks", ctx -> ctx.contentType("application/json")
                    .result(new com.nimbusds.jose.jwk.JWKSet(key.toPublicJWK()).toString()));
        }).start();
        Identity checked = Identity.builder().issuer(ISSUER).audience(AUDIENCE)
                .jwksUri(URI.create("http://127.0.0.1:" + idp.port() + "/jwks")).trustedClients(CLIENT).build();
        DecisionService tokenService = DecisionService.builder().engine(engine).districtData(data)
                .disclosureLog(DisclosureLogs.inMemory()).identity(checked)
                .clock(Clock.fixed(at, PolicyBenchmark.ZONE)).decisionCache(cache).build();
        try (RunningService running = service.start("127.0.0.1", 0); RunningService withTokens = tokenService.start("127.0.0.1", 0)) {
            URI uri = running.uri().resolve("/access/v1/evaluation");
            HttpClient shared = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Callers inProcess = () -> i -> cache.decide(engine, staff[i], students[i], purpose, at).permitsAny();
            Callers jdk = () -> i -> {
                HttpResponse<byte[]> r = shared.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bodies[i])).build(), HttpResponse.BodyHandlers.ofByteArray());
                return permits(r.statusCode(), r.body());
            };
            Callers socket = () -> new SocketClient(running.port(), bodies)::call;
            String token = signedToken(key);
            Callers withToken = () -> new SocketClient(withTokens.port(), bodies, "Authorization: Bearer " + token + "\r\n")::call;
            for (int i = 0; i < n; i++) {
                if (!inProcess.newCaller().call(i) || !jdk.newCaller().call(i)) {
                    throw new IllegalStateException("a mentor is not permitted to see their mentee: " + staff[i] + ", " + students[i]);
                }
            }
            HttpResponse<byte[]> sample = shared.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies[0])).build(), HttpResponse.BodyHandlers.ofByteArray());
            System.out.printf(Locale.ROOT, "[bench] service: an evaluation request is %,d bytes, its answer %,d bytes%n",
                    bodies[0].length, sample.body().length);
            if (System.getProperty("service.show") != null) {
                System.out.println(new String(sample.body(), StandardCharsets.UTF_8));
            }
            String only = System.getProperty("service.only", "");
            for (int clients : CLIENTS) {
                Result peer = measure(inProcess, clients, n, seconds);
                print("in-process", clients, peer, peer);
                if (!only.equals("socket")) {
                    print("http java.net.http", clients, measure(jdk, clients, n, seconds), peer);
                }
                if (!only.equals("jdk")) {
                    print("http socket", clients, measure(socket, clients, n, seconds), peer);
                    print("http socket+token", clients, measure(withToken, clients, n, seconds), peer);
                }
            }
        }
        idp.stop();
        System.out.printf(Locale.ROOT, "[bench] service: load average after %s%n", loadAverage());
        System.exit(0);
    }

    private static void print(String what, int clients, Result r, Result peer) {
        System.out.printf(Locale.ROOT, "[bench] service %-19s %2d clients: %,9.0f eval/s  p50 %,8.1f us  p99 %,8.1f us  "
                + "cpu %,7.1f us/eval, gc %,d ms (%,d requests; in-process/this throughput %.1fx, cpu %.1fx)%n", what,
                clients, r.perSecond(), r.p50Micros(), r.p99Micros(), r.cpuMicros(), r.gcMillis(), r.requests(),
                peer.perSecond() / r.perSecond(), r.cpuMicros() / peer.cpuMicros());
    }

    static boolean permits(int status, byte[] body) {
        if (status != 200) {
            throw new IllegalStateException("status " + status + ": " + new String(body, StandardCharsets.UTF_8));
        }
        return body.length > 15 && new String(body, 0, 16, StandardCharsets.US_ASCII).startsWith("{\"decision\":true");
    }

    /** Runs {@code clients} closed loops for a warm-up of a third of {@code seconds}, then for {@code seconds}. */
    static Result measure(Callers callers, int clients, int n, double seconds) throws Exception {
        run(callers, clients, n, seconds / 3);
        return run(callers, clients, n, seconds);
    }

    private static Result run(Callers callers, int clients, int n, double seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        long[][] latencies = new long[clients][KEPT];
        long[] counts = new long[clients];
        Throwable[] failure = new Throwable[1];
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[clients];
        for (int t = 0; t < clients; t++) {
            int me = t;
            Caller caller = callers.newCaller();
            threads[t] = new Thread(() -> {
                int i = (me * 7919) % n;
                long c = 0;
                try {
                    ready.countDown();
                    go.await();
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        if (!caller.call(i)) {
                            throw new IllegalStateException("denied: request " + i);
                        }
                        long d = System.nanoTime() - t0;
                        if (c < KEPT) {
                            latencies[me][(int) c] = d;
                        }
                        c++;
                        i = i + 1 == n ? 0 : i + 1;
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                    stop.set(true);
                }
                counts[me] = c;
            }, "client-" + t);
            threads[t].start();
        }
        ready.await();
        long cpu0 = cpuNanos();
        long gc0 = gcMillis();
        long t0 = System.nanoTime();
        go.countDown();
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - t0;
        long cpu = cpuNanos() - cpu0;
        long gc = gcMillis() - gc0;
        if (failure[0] != null) {
            throw new IllegalStateException("a client failed", failure[0]);
        }
        long total = Arrays.stream(counts).sum();
        int kept = 0;
        for (long c : counts) {
            kept += (int) Math.min(c, KEPT);
        }
        long[] all = new long[kept];
        int k = 0;
        for (int t = 0; t < clients; t++) {
            int m = (int) Math.min(counts[t], KEPT);
            System.arraycopy(latencies[t], 0, all, k, m);
            k += m;
        }
        Arrays.sort(all);
        return new Result(total / (elapsed / 1e9), percentile(all, 0.50) / 1e3, percentile(all, 0.99) / 1e3, total,
                cpu / 1e3 / Math.max(1, total), gc);
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static final String ISSUER = "https://idp.bench.invalid";
    private static final String AUDIENCE = "community-schools-api";
    private static final String CLIENT = "bench-sis";

    /** A token of the trusted client, signed with {@code key}, valid for an hour. */
    static String signedToken(com.nimbusds.jose.jwk.RSAKey key) throws com.nimbusds.jose.JOSEException {
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).claim("azp", CLIENT)
                        .subject(CLIENT).expirationTime(new java.util.Date(System.currentTimeMillis() + 3_600_000)).build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
        return jwt.serialize();
    }

    private static long gcMillis() {
        long t = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, gc.getCollectionTime());
        }
        return t;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * A minimal HTTP/1.1 client on one keep-alive connection: writes a prepared request, reads the status line, the
     * headers up to the blank line and the body of Content-Length bytes. Only for this service's answers.
     */
    static final class SocketClient {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[][] requests;
        private byte[] body = new byte[8192];

        SocketClient(int port, byte[][] bodies) throws IOException {
            this(port, bodies, "");
        }

        /** With {@code headers}: more header lines, each ending in CRLF (such as an Authorization header). */
        SocketClient(int port, byte[][] bodies, String headers) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            requests = new byte[bodies.length][];
            for (int i = 0; i < bodies.length; i++) {
                byte[] head = ("POST /access/v1/evaluation HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + headers + "Content-Type: "
                        + "application/json\r\nContent-Length: " + bodies[i].length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                requests[i] = Arrays.copyOf(head, head.length + bodies[i].length);
                System.arraycopy(bodies[i], 0, requests[i], head.length, bodies[i].length);
            }
        }

        boolean call(int i) throws IOException {
            out.write(requests[i]);
            out.flush();
            String status = line();
            int length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(h.substring(15).trim());
                } else if (h.regionMatches(true, 0, "Transfer-Encoding:", 0, 18)) {
                    chunked = h.substring(18).trim().equalsIgnoreCase("chunked");
                }
            }
            int total = 0;
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    read(total, size);
                    total += size;
                    line();
                }
                line();
            } else if (length >= 0) {
                read(0, length);
                total = length;
            } else {
                throw new IOException("neither Content-Length nor chunked in the answer (" + status + ")");
            }
            return permits(Integer.parseInt(status.substring(9, 12)), Arrays.copyOf(body, Math.min(total, 32)));
        }

        private void read(int offset, int length) throws IOException {
            if (body.length < offset + length) {
                body = Arrays.copyOf(body, Math.max(body.length * 2, offset + length));
            }
            if (in.readNBytes(body, offset, length) < length) {
                throw new IOException("connection closed");
            }
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }
    }
}
