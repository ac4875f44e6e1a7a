package org.communityschools.privacy.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.policy.PolicyEngine;

/** The synthetic tiny city (seed 11) with its attendance, generated once per test JVM, for the view tests. */
final class ViewCity {
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final DistrictData DATA = generate();
    static final PolicyEngine ENGINE = engine(Policies.defaultPolicy());

    private ViewCity() {}

    private static DistrictData generate() {
        try {
            Path dir = Files.createTempDirectory("view-tiny-city");
            try {
                SyntheticCity.builder().preset(Preset.TINY).seed(11).build().writeTo(dir);
                return DistrictDataReader.builder().build().read(dir).data();
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PolicyEngine engine(Policy policy) {
        return PolicyEngine.builder().policy(policy).districtData(DATA).zone(ZONE).build();
    }

    /** Noon of {@code date} in the district's zone. */
    static Instant noon(LocalDate date) {
        return date.atTime(12, 0).atZone(ZONE).toInstant();
    }
}
