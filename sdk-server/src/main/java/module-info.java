/**
 * Community Schools SDK: the decision and record service (OpenID AuthZEN Authorization API 1.0 over HTTP and JSON).
 * Exports only {@code org.communityschools.server}; {@code org.communityschools.server.internal} is implementation.
 */
module org.communityschools.server {
    requires transitive org.communityschools.privacy;
    requires transitive io.javalin;
    requires com.nimbusds.jose.jwt;
    requires static org.jspecify;

    exports org.communityschools.server;
}
