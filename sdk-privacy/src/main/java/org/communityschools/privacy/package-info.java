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
 * </ul>
 *
 * <h2>Planned (not built yet; names are a sketch and may change)</h2>
 * <ul>
 *   <li><b>Policy engine.</b> {@code PrivacyPolicy.builder().catalog(FieldCatalog).districtData(DistrictData)
 *       .agreements(...).consents(...).directoryPolicy(...).disclosures(DisclosureSink).clock(Clock).build()}, an
 *       immutable engine compiled once into lookup tables, with
 *       {@code Decision decide(Requester requester, StudentId student, Purpose purpose, Instant at)}. Default deny;
 *       forbid overrides permit; any error denies (never Cedar's skip-on-error). It combines a relationship check
 *       through dated enrollments, staff assignments, student–staff relationships and partnerships (a mentor sees only
 *       mentees, a CSD only the community school's students in that school year), the agreement check of DOMAIN
 *       section 4 (active at the instant, role permitted, student in scope, purpose matches, field on the list via
 *       {@link org.communityschools.privacy.FieldCatalog#resolve}), consents in force, the directory opt-out, and the
 *       overlays of the sensitivity tags (IDEA consent and access record, NSLA restriction to eligibility status).</li>
 *   <li><b>Decisions with reasons and obligations.</b> {@code Decision}: permit or deny, the legal basis, the granted
 *       fields, the determining reasons (agreement id and version, consent id, relationship, or the rule that denied),
 *       and obligations in the XACML sense: redact the fields not granted, record the disclosure (an entry appended to
 *       the {@link org.communityschools.privacy.disclosure.DisclosureSink} before any data is released, refusing when
 *       that fails), record IDEA access, destroy by the agreement's deadline. Plus "what can I access and why"
 *       ({@code explain(requester, at)}).</li>
 *   <li><b>Redaction.</b> {@code Redactor}: applies a decision to a student record view, include-only: a field is
 *       shown only when granted, a child field only inside a shown parent, fields unknown to the catalog never.</li>
 *   <li><b>Caching.</b> Decisions cached with Caffeine, keyed by tenant and policy version, so a revocation is never
 *       served stale.</li>
 *   <li><b>Emergency workflow.</b> Break-glass access with a mandatory threat description and recipients
 *       (34 CFR 99.36); the log entry for it ({@link org.communityschools.privacy.disclosure.EmergencyDetails}) is
 *       built.</li>
 *   <li><b>Publication.</b> Small-cell and complementary suppression, top/bottom coding, HMAC pseudonyms, k-anonymity
 *       checks of extracts (DOMAIN section 9).</li>
 * </ul>
 */
@NullMarked
package org.communityschools.privacy;

import org.jspecify.annotations.NullMarked;
