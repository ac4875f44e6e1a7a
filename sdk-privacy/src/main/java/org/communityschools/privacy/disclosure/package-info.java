/**
 * The record of disclosures (34 CFR 99.32): every disclosure of a student's records, who received it, when, which
 * fields, why and under which legal basis, in an append-only log whose lines are chained by SHA-256 so that any
 * alteration, removal or reordering is detected and located (34 CFR 99.32; a hash chain as in RFC 6962's Merkle-tree logs). Entries hold identifiers and field
 * paths, never values. Start at {@link org.communityschools.privacy.disclosure.DisclosureLogs}; the file format is
 * in docs/privacy-disclosure-log.md.
 */
@NullMarked
package org.communityschools.privacy.disclosure;

import org.jspecify.annotations.NullMarked;
