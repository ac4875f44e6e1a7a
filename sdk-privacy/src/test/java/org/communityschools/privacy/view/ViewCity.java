package org.communityschools.privacy.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.communityschools.core.data.DistrictData;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.policy.PolicyEngine;
import org.communityschools.privacy.policy.TinyCity;

/** The synthetic tiny city (seed 11) of the policy tests, shared so it is generated once per test JVM, for the view tests. */
final class ViewCity {
    static final ZoneId ZONE = TinyCity.ZONE;
    static final DistrictData DATA = TinyCity.DATA;
    static final PolicyEngine ENGINE = engine(Policies.defaultPolicy());

    private ViewCity() {}

    static PolicyEngine engine(Policy policy) {
        return PolicyEngine.builder().policy(policy).districtData(DATA).zone(ZONE).build();
    }

    /** Noon of {@code date} in the district's zone. */
    static Instant noon(LocalDate date) {
        return TinyCity.noon(date);
    }
}
