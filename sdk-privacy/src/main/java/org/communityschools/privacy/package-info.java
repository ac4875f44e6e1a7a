/**
 * Who may see which field of which student (FERPA 34 CFR 99.31(a)(1) "reasonable methods"), proof of every
 * disclosure (34 CFR 99.32), and safe publication of tables and research extracts.
 *
 * <h2>Built</h2>
 * <ul>
 *   <li>{@link org.communityschools.privacy.FieldCatalog}: the allow-list of the fields of a student record view.
 *       Each {@link org.communityschools.privacy.DataField} has a stable {@link org.communityschools.privacy.FieldPath}
 *       ({@code attendance.records.reason}), exactly one {@link org.communityschools.core.model.DataCategory} and its
 *       {@link org.communityschools.privacy.Sensitivity} tags (directory information, IDEA, NSLA, health, free text).
 *       A path grants exactly its field; a category name grants the whole category; an unknown element grants
 *       nothing and is reported by {@link org.communityschools.privacy.FieldCatalog#unknownElements}. Table:
 *       docs/privacy-field-catalog.md.</li>
 *   <li>{@link org.communityschools.privacy.disclosure}: the record of disclosures, an append-only, hash-chained
 *       log with verification, crash repair and per-student history. Format: docs/privacy-disclosure-log.md.</li>
 *   <li>{@link org.communityschools.privacy.policy}: declarative access policies
 *       ({@link org.communityschools.privacy.policy.Policy}, loaded from YAML or JSON by
 *       {@link org.communityschools.privacy.policy.Policies} and validated with located errors, or built in Java) and
 *       the {@link org.communityschools.privacy.policy.PolicyEngine}, whose
 *       {@code decide(StaffId, StudentId, Purpose, Instant)} returns an immutable
 *       {@link org.communityschools.privacy.policy.Decision}: the permitted fields with legal basis and rule, the denied
 *       categories with reasons, obligations (record the disclosure, mask a field) and an explanation. Default deny,
 *       forbid overrides permit, any error denies; relationships through dated assignments, enrollments, rosters,
 *       caseloads and partnerships; agreements, consents, directory opt-out, and the IDEA/NSLA explicit-basis rule.
 *       Also {@code whatCanISee} (the students and categories a requester can reach now, and why), {@code whoCanSee}
 *       (every staff member who can see a student's field, IDEA 34 CFR 300.623), break-glass emergency access
 *       ({@code breakGlass(EmergencyRequest)}, 34 CFR 99.36: a written threat of at least 20 characters and named
 *       recipients, the roles and fields of the policy's {@code emergency} section, a {@code RecordDisclosure} with
 *       basis {@code EMERGENCY} that the log always records and flags) and a Caffeine
 *       {@link org.communityschools.privacy.policy.DecisionCache} keyed by the engine's identity (or a live engine's
 *       identity and the access-fact versions of the request), tenant, requester, student, purpose and date. A
 *       {@link org.communityschools.privacy.policy.LivePolicyEngine} follows a live district: one engine per version,
 *       decisions that state their version, {@code decide(..., atLeastVersion)} (docs/live-data.md).
 *       The shipped default policy and the format: docs/privacy-policy.md.</li>
 *   <li>{@link org.communityschools.privacy.view}: redaction. A
 *       {@link org.communityschools.privacy.view.StudentRecordView} of one student for one decision, built only from
 *       the permitted catalog fields with the decision's masks (birth date to year, name to initials, free text
 *       removed), include-only and failing closed (a field unknown, without a source, not fillable or failing is left
 *       out, with the reason); {@link org.communityschools.privacy.view.RecordViews} writes it as JSON, and
 *       {@link org.communityschools.privacy.view.RecordFilter} writes domain records with only their permitted
 *       properties. Shape: docs/privacy-view.md.</li>
 *   <li>{@link org.communityschools.privacy.publication}: safe publication of count tables. Primary and
 *       complementary suppression to a fixed point, an exact audit of every hidden cell's feasible range, top and
 *       bottom coding of rates (the 200/n rule), presets NYSED, NYC DOE and n=10, CSV/JSON with markers and a
 *       suppression report, and a release ledger that audits a table together with earlier releases. Guide:
 *       docs/publication.md.</li>
 *   <li>{@link org.communityschools.privacy.extract}: research extracts bound to a studies or audit/evaluation
 *       agreement, HMAC-SHA-256 or random-token research ids (never a plain hash), generalization, k-anonymity, a
 *       manifest and disclosure-log entries. Guide: docs/research-extracts.md.</li>
 * </ul>
 *
 * <h2>Planned (not built yet; names are a sketch and may change)</h2>
 * <ul>
 *   <li><b>Agreement lifecycle.</b> Destruction obligations when an agreement expires or is terminated.</li>
 *   <li><b>After an emergency.</b> Notifying parents and reviewing break-glass access are host workflows; the SDK
 *       gives the flagged log entries to review.</li>
 * </ul>
 */
@NullMarked
package org.communityschools.privacy;

import org.jspecify.annotations.NullMarked;
