/**
 * A school team's dashboard built on the SDK: {@link org.communityschools.examples.dashboard.Dashboard} (started by the
 * {@code serve} command, {@link org.communityschools.examples.dashboard.ServeCommand}) serves server-rendered pages on the
 * JDK's HTTP server; every student record shown is decided by the policy engine for the signed-in person and recorded in
 * the disclosure log. A district plugs in its sign-in through {@link org.communityschools.examples.dashboard.IdentityProvider}.
 * See docs/dashboard.md.
 */
package org.communityschools.examples.dashboard;
