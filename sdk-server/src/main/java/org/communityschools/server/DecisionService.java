package org.communityschools.server;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.communityschools.core.data.DistrictData;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.policy.DecisionCache;
import org.communityschools.privacy.policy.LivePolicyEngine;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.server.internal.Engines;
import org.communityschools.server.internal.Routes;
import org.jspecify.annotations.Nullable;

/**
 * The decision and record service: a {@link PolicyEngine} offered over HTTP and JSON as an OpenID AuthZEN
 * Authorization API 1.0 policy decision point, plus the student record endpoint (docs/service.md).
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>method and path</th><th>what</th></tr>
 *   <tr><td>{@code POST /access/v1/evaluation}</td><td>may this staff member view this student (or a category or field
 *       of their record) for this purpose; the decision's context carries the permitted fields with their legal bases
 *       and record scopes, the denied fields with the reasons, and the obligations</td></tr>
 *   <tr><td>{@code POST /access/v1/evaluations}</td><td>a batch, with defaults and the semantics {@code execute_all},
 *       {@code deny_on_first_deny}, {@code permit_on_first_permit}</td></tr>
 *   <tr><td>{@code POST /access/v1/search/subject}</td><td>who can see a field of a student (trusted clients only)</td></tr>
 *   <tr><td>{@code POST /access/v1/search/resource}</td><td>which students a staff member can see</td></tr>
 *   <tr><td>{@code POST /access/v1/search/action}</td><td>what a staff member may do with a student's record</td></tr>
 *   <tr><td>{@code GET /.well-known/authzen-configuration}</td><td>the PDP metadata</td></tr>
 *   <tr><td>{@code POST /records/v1/student}</td><td>the student's record as the requester may see it, redacted, its
 *       disclosure recorded first (503 and no record when the log cannot be written)</td></tr>
 *   <tr><td>{@code POST /data/v1/changes}</td><td>with a {@linkplain Builder#liveEngine live engine} only: a batch of
 *       changes to the live district data (JSON rows of a delta directory, or the directory zipped), validated whole
 *       with the reader's rules (400 listing every violation by change or file and line, column and rule code;
 *       nothing applied), journaled and forced to disk before the answer, which gives the new version number: a
 *       consistency token later requests may pass as {@code context.data_version}. Only for tokens with the
 *       {@linkplain Identity.Builder#changeScope change scope}</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe. Start it on its own ({@link #start}) or mount it into a host's Javalin application
 * ({@link #registerOn}).
 */
public final class DecisionService {
    /** The request threads of a server started by {@link #start}. */
    private static final int THREADS = 64;

    private final Routes routes;
    private final Identity identity;
    private final int maxBodyBytes;

    private DecisionService(Builder b) {
        this.identity = Objects.requireNonNull(b.identity);
        this.maxBodyBytes = Math.max(b.maxBodyBytes, b.maxChangeBytes);
        Engines engines = b.live != null ? Engines.live(b.live)
                : Engines.fixed(Objects.requireNonNull(b.engine), Objects.requireNonNull(b.data));
        this.routes = new Routes(engines, Objects.requireNonNull(b.log), identity, b.clock, b.cache, b.maxBodyBytes,
                b.maxChangeBytes, b.pageSize, Optional.ofNullable(b.publicUri));
    }

    /**
     * {@return a builder; the engine and the district data (or a live engine), the disclosure log and the identity are
     * required}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How callers are authenticated.
     *
     * @return the identity this service checks callers against
     */
    public Identity identity() {
        return identity;
    }

    /**
     * Registers the service's routes on a host's Javalin configuration (Javalin 7 registers routes while the application
     * is configured: {@code Javalin.create(config -> service.registerOn(config))}). The routes handle their own errors
     * and change nothing else of the host's configuration.
     *
     * @param config the host's Javalin configuration, while it is being built
     * @throws IllegalStateException for the {@linkplain Identity#insecureDemo() insecure demo}, which only
     *                               {@link #start} may serve, on loopback
     */
    public void registerOn(JavalinConfig config) {
        Objects.requireNonNull(config, "config");
        if (identity.isInsecureDemo()) {
            throw new IllegalStateException("the insecure demo is served only by DecisionService.start on a loopback "
                    + "address; mount a service with an identity provider configuration");
        }
        routes.registerOn(config);
    }

    /**
     * Starts a server of its own on {@code host} and {@code port} (0 for a free port chosen by the system). TLS is
     * expected to end at a reverse proxy in front (docs/service.md).
     *
     * @param host the address to listen on: a host name or IP address (only a loopback address for the insecure demo)
     * @param port the port, 0 for a free one
     * @return the running server, which tells its port and stops when closed
     * @throws IllegalArgumentException when the identity is the insecure demo and {@code host} is not a loopback
     *                                  address, or the host is unknown
     */
    public RunningService start(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be from 0 to 65535, was " + port);
        }
        if (identity.isInsecureDemo() && !isLoopback(host)) {
            throw new IllegalArgumentException("the insecure demo authenticates nobody, so it listens only on a loopback "
                    + "address (127.0.0.1, ::1, localhost); was " + host);
        }
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = maxBodyBytes;
            config.jetty.host = host;
            config.jetty.port = port;
            // a fixed pool: no thread is started or ended under load (the default pool's churn cost more than the
            // decisions); requests beyond the threads wait for one in Jetty's queue
            QueuedThreadPool pool = new QueuedThreadPool(THREADS, THREADS, 60_000);
            pool.setName("decision-service");
            config.jetty.threadPool = pool;
            // answers are a few KiB of JSON on a local network or behind a proxy that compresses if it wants
            config.http.compressionStrategy = CompressionStrategy.NONE;
            routes.registerOn(config);
        });
        app.start();
        return new RunningService(app, host);
    }

    private static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
    }

    @Override
    public String toString() {
        return "DecisionService[" + identity + "]";
    }

    /**
     * Builds a {@link DecisionService}. Each setting is set once (a second call throws {@link IllegalStateException});
     * {@link #build()} names every missing required setting. Not thread-safe.
     */
    public static final class Builder {
        /** The default limit of a request body: 64 KiB, ample for a batch of {@value #MAX_BATCH_HINT} evaluations. */
        public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
        /** The default limit of a change submission's body: 4 MiB. */
        public static final int DEFAULT_MAX_CHANGE_BYTES = 4 * 1024 * 1024;
        static final int MAX_BATCH_HINT = 100;

        private @Nullable PolicyEngine engine;
        private @Nullable DistrictData data;
        private @Nullable LivePolicyEngine live;
        private int maxChangeBytes = DEFAULT_MAX_CHANGE_BYTES;
        private boolean maxChangeSet;
        private @Nullable DisclosureSink log;
        private @Nullable Identity identity;
        private Clock clock = Clock.systemUTC();
        private boolean clockSet;
        private DecisionCache cache = DecisionCache.builder().build();
        private boolean cacheSet;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private boolean maxBodySet;
        private int pageSize = 100;
        private boolean pageSizeSet;
        private @Nullable URI publicUri;

        private Builder() {}

        /**
         * A live engine: decisions follow its {@link org.communityschools.core.live.LiveDistrict}, whose changes may be
         * submitted to {@code POST /data/v1/changes}. Instead of {@link #engine} and {@link #districtData}.
         *
         * @param live the live engine
         * @return this builder
         */
        public Builder liveEngine(LivePolicyEngine live) {
            once(this.live == null && this.engine == null && this.data == null, "liveEngine (or engine and districtData)");
            this.live = Objects.requireNonNull(live, "live");
            return this;
        }

        /**
         * The engine that decides over fixed data. Required unless a {@link #liveEngine live engine} is set.
         *
         * @param engine the engine that decides
         * @return this builder
         */
        public Builder engine(PolicyEngine engine) {
            once(this.engine == null && this.live == null, "engine (or liveEngine)");
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /**
         * The district data the engine decides on, from which records are shown. Required with {@link #engine}.
         *
         * @param data the district data the engine decides on
         * @return this builder
         */
        public Builder districtData(DistrictData data) {
            once(this.data == null && this.live == null, "districtData (or liveEngine)");
            this.data = Objects.requireNonNull(data, "data");
            return this;
        }

        /**
         * The disclosure log every shown record is appended to first. Required.
         *
         * @param log the disclosure log every shown record is appended to first
         * @return this builder
         */
        public Builder disclosureLog(DisclosureSink log) {
            once(this.log == null, "disclosureLog");
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * How callers are authenticated. Required.
         *
         * @param identity how bearer tokens are checked, or {@link Identity#insecureDemo()}
         * @return this builder
         */
        public Builder identity(Identity identity) {
            once(this.identity == null, "identity");
            this.identity = Objects.requireNonNull(identity, "identity");
            return this;
        }

        /**
         * The clock decisions are made at (and tokens checked against); the system clock unless set.
         *
         * @param clock the clock decisions are made at (and tokens checked against)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            once(!clockSet, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            clockSet = true;
            return this;
        }

        /**
         * The cache of decisions; a new one of 100,000 decisions unless set.
         *
         * @param cache the cache of decisions
         * @return this builder
         */
        public Builder decisionCache(DecisionCache cache) {
            once(!cacheSet, "decisionCache");
            this.cache = Objects.requireNonNull(cache, "cache");
            cacheSet = true;
            return this;
        }

        /**
         * The largest request body accepted, from 1 KiB to 1 MiB; {@link #DEFAULT_MAX_BODY_BYTES} unless set.
         *
         * @param bytes the largest request body accepted, from 1 KiB to 1 MiB
         * @return this builder
         */
        public Builder maxBodyBytes(int bytes) {
            once(!maxBodySet, "maxBodyBytes");
            if (bytes < 1024 || bytes > 1024 * 1024) {
                throw new IllegalArgumentException("the body limit must be from 1024 to 1048576 bytes, was " + bytes);
            }
            this.maxBodyBytes = bytes;
            maxBodySet = true;
            return this;
        }

        /**
         * The largest change submission accepted, from 1 KiB to 64 MiB; {@link #DEFAULT_MAX_CHANGE_BYTES} unless set.
         *
         * @param bytes the largest body accepted by {@code POST /data/v1/changes}, in bytes
         * @return this builder
         */
        public Builder maxChangeBytes(int bytes) {
            once(!maxChangeSet, "maxChangeBytes");
            if (bytes < 1024 || bytes > 64 * 1024 * 1024) {
                throw new IllegalArgumentException("the change body limit must be from 1024 to 67108864 bytes, was " + bytes);
            }
            this.maxChangeBytes = bytes;
            maxChangeSet = true;
            return this;
        }

        /**
         * The number of search results in a page when the request names no limit, from 1 to 1000; 100 unless set.
         *
         * @param size the number of search results in a page when the request names no limit, from 1 to 1000
         * @return this builder
         */
        public Builder pageSize(int size) {
            once(!pageSizeSet, "pageSize");
            if (size < 1 || size > 1000) {
                throw new IllegalArgumentException("the page size must be from 1 to 1000, was " + size);
            }
            this.pageSize = size;
            pageSizeSet = true;
            return this;
        }

        /**
         * The address clients reach the service at (behind a TLS-terminating proxy, its https address), published as
         * the PDP identifier in the metadata; the request's own scheme and host unless set.
         *
         * @param uri the address clients reach the service at (behind a TLS-terminating proxy, its https address),
         *     published as the PDP identifier in the metadata
         * @return this builder
         */
        public Builder publicUri(URI uri) {
            once(this.publicUri == null, "publicUri");
            Objects.requireNonNull(uri, "uri");
            if (!uri.isAbsolute() || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("the public address must be absolute, without query or fragment, was " + uri);
            }
            this.publicUri = uri;
            return this;
        }

        /** {@return the service; throws {@link IllegalStateException} naming every missing required setting} */
        public DecisionService build() {
            List<String> missing = new ArrayList<>();
            if (live == null && engine == null) {
                missing.add("engine(...) (or liveEngine(...))");
            }
            if (live == null && data == null) {
                missing.add("districtData(...)");
            }
            if (log == null) {
                missing.add("disclosureLog(...)");
            }
            if (identity == null) {
                missing.add("identity(...) (Identity.builder()... or Identity.insecureDemo())");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("a decision service needs " + String.join(", ", missing));
            }
            return new DecisionService(this);
        }

        private static void once(boolean unset, String name) {
            if (!unset) {
                throw new IllegalStateException(name + " is already set; set each setting once");
            }
        }
    }
}
