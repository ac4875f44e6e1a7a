/**
 * Who may see which field of which student (FERPA 34 CFR 99.31(a)(1) "reasonable methods"), proof of every
 * disclosure (34 CFR 99.32), and safe publication of tables and research extracts. The policy engine and
 * disclosure control are built in later issues; this package is their home.
 */
@NullMarked
package org.communityschools.privacy;

import org.jspecify.annotations.NullMarked;
