/**
 * A school team's dashboard built on the SDK: {@link org.communityschools.examples.dashboard.Dashboard} (started by the
 * {@code serve} command, {@link org.communityschools.examples.dashboard.ServeCommand}) serves server-rendered pages on
 * Javalin, standalone or mounted beside the decision service, on a live district ({@code LiveData}: one version and its
 * policy engine per page; attendance recorded is a change batch; a watched delta folder applies changes without a
 * restart; the school team's meetings record agenda items and action steps the same way, {@code MeetingRecorder}
 * deciding who may record what from the policy, and {@code FollowUpPages} following each step up against matched
 * students); every student record shown is decided by the policy engine for the
 * signed-in person and recorded in the disclosure log, and figures about groups of students are protected like a published table ({@code Published}).
 * People sign in with the district's OpenID Connect provider
 * ({@link org.communityschools.examples.dashboard.OpenIdConnect}) or another
 * {@link org.communityschools.examples.dashboard.IdentityProvider}; the demo staff picker only on loopback.
 * See docs/dashboard.md.
 */
package org.communityschools.examples.dashboard;
