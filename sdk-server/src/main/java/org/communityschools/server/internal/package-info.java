/**
 * Implementation of the decision service: routes, request parsing, the mapping of engine decisions onto AuthZEN
 * decisions, searches and their page tokens, bearer token verification. Not exported.
 */
@NullMarked
package org.communityschools.server.internal;

import org.jspecify.annotations.NullMarked;
