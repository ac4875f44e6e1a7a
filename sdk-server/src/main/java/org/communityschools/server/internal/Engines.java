package org.communityschools.server.internal;

import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.DistrictVersion;
import org.communityschools.core.live.LiveDistrict;
import org.communityschools.privacy.policy.LivePolicyEngine;
import org.communityschools.privacy.policy.PolicyEngine;

/**
 * Where the service's decisions come from: one engine over fixed district data, or a {@link LivePolicyEngine} that
 * follows a {@link LiveDistrict}, whose every version is numbered. A request may carry a consistency token
 * ({@code context.data_version}): the number of a version it has seen (the answer of a change submission), and is then
 * decided on a version at least that fresh. Thread-safe.
 */
public abstract sealed class Engines {
    /** An engine and the district data it decides on (the same version). */
    record Snapshot(PolicyEngine engine, DistrictData data) {}

    /** One engine over fixed data. */
    public static Engines fixed(PolicyEngine engine, DistrictData data) {
        return new Fixed(new Snapshot(engine, data));
    }

    /** A live engine and its district. */
    public static Engines live(LivePolicyEngine live) {
        return new Live(live);
    }

    /** The current engine. */
    abstract PolicyEngine engine();

    /** The engine of a version at least {@code atLeast} (0: any); 400 when the service has not reached it. */
    abstract PolicyEngine engine(long atLeast);

    /** An engine and its data, of a version at least {@code atLeast}; 400 when the service has not reached it. */
    abstract Snapshot snapshot(long atLeast);

    /** The live district changes are submitted to, when the service follows one. */
    public abstract Optional<LiveDistrict> district();

    static ApiException notReached(long asked, long at) {
        return ApiException.badRequest("context.data_version " + asked + " is not a version of this service's data, "
                + "which is at version " + at + " (a data_version comes from a change submission's answer)");
    }

    private static final class Fixed extends Engines {
        private final Snapshot snapshot;

        Fixed(Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        PolicyEngine engine() {
            return snapshot.engine();
        }

        @Override
        PolicyEngine engine(long atLeast) {
            return snapshot(atLeast).engine();
        }

        @Override
        Snapshot snapshot(long atLeast) {
            if (atLeast > snapshot.engine().dataVersion()) {
                throw notReached(atLeast, snapshot.engine().dataVersion());
            }
            return snapshot;
        }

        @Override
        public Optional<LiveDistrict> district() {
            return Optional.empty();
        }
    }

    private static final class Live extends Engines {
        private final LivePolicyEngine live;

        Live(LivePolicyEngine live) {
            this.live = live;
        }

        @Override
        PolicyEngine engine() {
            return live.engine();
        }

        @Override
        PolicyEngine engine(long atLeast) {
            PolicyEngine e = live.engine();
            if (e.dataVersion() < atLeast) {
                throw notReached(atLeast, e.dataVersion());
            }
            return e;
        }

        @Override
        Snapshot snapshot(long atLeast) {
            while (true) {
                DistrictVersion v = live.district().current();
                PolicyEngine e = engine(atLeast);
                if (e.dataVersion() == v.number()) {
                    return new Snapshot(e, v.data());
                }
            }
        }

        @Override
        public Optional<LiveDistrict> district() {
            return Optional.of(live.district());
        }
    }
}
