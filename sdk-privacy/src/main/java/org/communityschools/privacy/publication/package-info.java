/**
 * Protecting tables of counts before publication (NCES 2011-603): primary suppression of small groups and small
 * counts, complementary suppression so that no suppressed cell can be recovered from published totals, an exact
 * audit of the range of values each suppressed cell could still take, top and bottom coding of rates (the 200/n
 * rule), and output as CSV and JSON with markers plus a report of what was suppressed and why. The engine works on any
 * count table; nothing here imputes, rounds or fills a suppressed cell from another source.
 *
 * <pre>{@code
 * Dimension subgroups = Dimension.flat("Subgroup", "All students", List.of("Hispanic", "Black", "White"));
 * Dimension schools = Dimension.flat("School", "Total", List.of("A", "B", "C"));
 * CountTable table = CountTable.builder(subgroups, schools)
 *         .cell("Hispanic", "A", 3, 40) ... .fillTotals().build();
 * ProtectedTable result = TableProtector.protect(table, SuppressionRules.NYSED);
 * result.status();                        // RELEASED or REFUSED
 * result.report();                        // each suppressed cell, the reason, its audited range
 * String csv = PublicationWriter.csv(result.orThrow());
 * }</pre>
 *
 * Start at {@link org.communityschools.privacy.publication.TableProtector}; the rules and presets are in
 * {@link org.communityschools.privacy.publication.SuppressionRules}; docs/publication.md explains the algorithm.
 * {@link org.communityschools.privacy.publication.ReleaseLedger} audits a table together with the tables released
 * before it, so that differencing between releases is caught. Student-level research extracts, k-anonymity and
 * pseudonyms are in {@code org.communityschools.privacy.extract}.
 */
@NullMarked
package org.communityschools.privacy.publication;

import org.jspecify.annotations.NullMarked;
