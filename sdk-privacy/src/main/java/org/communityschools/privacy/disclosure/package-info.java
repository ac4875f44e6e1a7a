/**
 * The record of disclosures (34 CFR 99.32): every disclosure of a student's records, who received it, when, which
 * fields, why and under which legal basis, in an append-only log whose lines are chained by SHA-256 so that any
 * alteration, removal or reordering is detected and located (a hash chain with domain-separated hashes, as RFC 6962). Entries hold identifiers and field
 * paths, never values. Start at {@link org.communityschools.privacy.disclosure.DisclosureLogs}; the file format is
 * in docs/privacy-disclosure-log.md.
 *
 * <p>Built: file and in-memory sinks ({@link org.communityschools.privacy.disclosure.DisclosureSink}), verification
 * ({@link org.communityschools.privacy.disclosure.VerificationReport}), repair of a torn last line
 * ({@link org.communityschools.privacy.disclosure.LogRepair}), and signed checkpoints of the log's head, the role of
 * RFC 6962's signed tree heads, which show that a log was not shortened or rewritten:
 * {@link org.communityschools.privacy.disclosure.SignedCheckpoint} (HMAC-SHA-256 under a
 * {@link org.communityschools.privacy.disclosure.CheckpointKey}), kept in a
 * {@link org.communityschools.privacy.disclosure.CheckpointStore}, written by a sink from
 * {@link org.communityschools.privacy.disclosure.FileSinkBuilder}, checked into a
 * {@link org.communityschools.privacy.disclosure.CheckpointVerification}. Planned: a database sink, several keys
 * per checkpoint store.
 */
@NullMarked
package org.communityschools.privacy.disclosure;

import org.jspecify.annotations.NullMarked;
