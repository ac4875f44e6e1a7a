/**
 * Declarative access policies and the engine that decides, field by field, what a requester may see of a student's
 * records (FERPA 34 CFR 99.31(a)(1)(ii) "reasonable methods", with the IDEA and NSLA overlays). Start from
 * {@link org.communityschools.privacy.policy.Policies} (load a YAML or JSON policy, or the default one) and
 * {@link org.communityschools.privacy.policy.PolicyEngine} (decide; break glass in a health or safety emergency,
 * 34 CFR 99.36, with {@link org.communityschools.privacy.policy.EmergencyRequest}). docs/privacy-policy.md documents
 * the format and the default policy.
 */
@NullMarked
package org.communityschools.privacy.policy;

import org.jspecify.annotations.NullMarked;
