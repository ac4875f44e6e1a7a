/**
 * Research extracts (FERPA 34 CFR 99.31(a)(6) studies and 99.31(a)(3), 99.35 audit/evaluation):
 * student-level files for a research partner, bound to a written agreement. Only the agreement's data elements;
 * direct identifiers, contact details, free text and meal eligibility never; a pseudonymous research id that is a
 * random token with a crosswalk the district keeps, or HMAC-SHA-256 under a per-project key with a recorded key id,
 * never a plain hash ({@link org.communityschools.privacy.extract.Pseudonymizer}); generalization of
 * quasi-identifiers; a k-anonymity check ({@link org.communityschools.privacy.extract.KAnonymity}); and a manifest
 * and disclosure-log entries that record the agreement and the destruction date.
 *
 * <pre>{@code
 * ResearchExtract extract = ResearchExtract.builder(data, AgreementId.of("DSA-RES01-STUDY"))
 *         .pseudonyms(Pseudonymizer.hmacSha256("project-7-key-1", key))
 *         .recipient(StaffId.of("R-0001"))
 *         .k(5)
 *         .build();                                  // refuses other legal bases, inactive or expired agreements
 * extract.write(outDir, DisclosureLogs.jsonLinesFile(logFile));
 * }</pre>
 *
 * Start at {@link org.communityschools.privacy.extract.ResearchExtract}; docs/research-extracts.md explains the files.
 */
@NullMarked
package org.communityschools.privacy.extract;

import org.jspecify.annotations.NullMarked;
