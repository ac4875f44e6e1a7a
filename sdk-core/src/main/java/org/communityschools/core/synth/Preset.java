package org.communityschools.core.synth;

/**
 * The sizes of synthetic city that {@link SyntheticCity} generates. Each preset fixes the number of schools, the
 * students per grade, the community schools and their lead community-based organizations; docs/synthetic-city.md
 * describes each one and its calibration.
 */
public enum Preset {
    /**
     * One district with five schools (two elementary, a middle school, a high school and a transfer high school),
     * about 300 students, two community schools with two lead organizations. Generates in well under a second; made
     * for tests.
     */
    TINY,
    /** One district of about 50,000 students in 60 schools, 8 of them community schools led by 4 organizations. */
    DISTRICT,
    /**
     * A city at the scale of New York City: about 1.1 million students in 1,800 schools, 227 of them community schools
     * partnered with 62 lead organizations, 180 instructional days a year, about 20 million attendance rows a year.
     */
    NYC
}
