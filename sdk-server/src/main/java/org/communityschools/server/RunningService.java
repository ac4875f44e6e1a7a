package org.communityschools.server;

import io.javalin.Javalin;
import java.net.URI;

/**
 * A {@link DecisionService} listening on its own port; {@link #close()} stops it. Thread-safe.
 */
public final class RunningService implements AutoCloseable {
    private final Javalin app;
    private final String host;

    RunningService(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /** {@return the port it listens on (the one the system chose when started with port 0)} */
    public int port() {
        return app.port();
    }

    /** {@return its base address, such as {@code http://127.0.0.1:8443}} */
    public URI uri() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port());
    }

    /** Stops listening; idempotent. */
    @Override
    public void close() {
        app.stop();
    }

    @Override
    public String toString() {
        return "RunningService[" + uri() + "]";
    }
}
