/**
 * The decision and record service: the SDK's policy engine offered over HTTP and JSON to products not written in
 * Java, speaking the OpenID AuthZEN Authorization API 1.0 (docs/service.md).
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link org.communityschools.server.DecisionService}: built once from a policy engine and the district data (or
 *       a {@code LivePolicyEngine} following a {@code LiveDistrict}), the disclosure log and an
 *       {@link org.communityschools.server.Identity}; started standalone
 *       ({@link org.communityschools.server.DecisionService#start}) or mounted into a host's Javalin application
 *       ({@link org.communityschools.server.DecisionService#registerOn}).</li>
 *   <li>{@link org.communityschools.server.Identity}: how callers are authenticated (OAuth 2.0 bearer JWTs checked
 *       against the identity provider's published keys), or the loopback-only insecure demo.</li>
 * </ul>
 *
 * <h2>Built</h2>
 * Access evaluation and evaluations (three semantics, batch defaults), subject, resource and action search with
 * pagination, PDP metadata, the redacted student record with its disclosure recorded first; on a live district, change
 * submission ({@code POST /data/v1/changes}, JSON rows or a zipped delta directory: validated whole, journaled before
 * the answer, under a scope of its own)
 * and the consistency token {@code context.data_version}.
 *
 * <h2>Planned</h2>
 * The dashboard on this server with OpenID Connect sign-in.
 */
@NullMarked
package org.communityschools.server;

import org.jspecify.annotations.NullMarked;
