package org.communityschools.core.internal.synth;

import java.util.SplittableRandom;
import org.communityschools.core.internal.synth.CityPlan.Level;
import org.communityschools.core.internal.synth.CityPlan.SchoolPlan;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.Sex;

/**
 * The small draws and codes the student simulation shares: grade effects and levels, demographic draws, letter
 * marks, Poisson counts, zero-padded numbers and mid-year move targets. Stateless.
 */
final class Draws {
    private Draws() {}

    static double gradeEffect(int grade) {
        if (grade == 0) {
            return 0.15;
        }
        if (grade <= 5) {
            return -0.12;
        }
        if (grade <= 8) {
            return 0.0;
        }
        return grade == 9 ? 0.40 : 0.30;
    }

    static GradeLevel gradeLevel(int grade) {
        return grade == 0 ? GradeLevel.KG : GradeLevel.ofNumber(grade);
    }

    static String letter(int mark) {
        return mark >= 90 ? "A" : mark >= 80 ? "B" : mark >= 70 ? "C" : mark >= 65 ? "D" : "F";
    }

    static Sex sex(SplittableRandom rng) {
        double u = rng.nextDouble();
        return u < 0.488 ? Sex.FEMALE : u < 0.995 ? Sex.MALE : u < 0.997 ? Sex.NON_BINARY : Sex.NOT_SELECTED;
    }

    static RaceEthnicity race(SplittableRandom rng) {
        double u = rng.nextDouble();
        return u < 0.41 ? RaceEthnicity.HISPANIC : u < 0.67 ? RaceEthnicity.BLACK : u < 0.83 ? RaceEthnicity.ASIAN
                : u < 0.98 ? RaceEthnicity.WHITE : u < 0.985 ? RaceEthnicity.AMERICAN_INDIAN
                : u < 0.99 ? RaceEthnicity.PACIFIC_ISLANDER : u < 0.997 ? RaceEthnicity.MULTIRACIAL : RaceEthnicity.NOT_REPORTED;
    }

    static int poisson(double lambda, SplittableRandom rng) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = rng.nextDouble();
        while (p > l) {
            k++;
            p *= rng.nextDouble();
        }
        return k;
    }

    static String pad(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** Whether a row of this category (as the generator writes it) makes an absent day: half a day or more missed. */
    static boolean isAbsentDay(AttendanceCategory c) {
        return c == AttendanceCategory.EXCUSED_ABSENCE || c == AttendanceCategory.UNEXCUSED_ABSENCE
                || c == AttendanceCategory.OUT_OF_SCHOOL_SUSPENSION || c == AttendanceCategory.PARTIAL;
    }

    /** Where a student moves within the district in mid-year: another zone's school, or a transfer school. */
    static SchoolPlan moveTarget(CityPlan plan, SchoolPlan from, int grade, int zone, double z, SplittableRandom rng) {
        if (grade >= 9 && from.level != Level.TRANSFER && z > 0.3 && rng.nextDouble() < 0.5) {
            return plan.transferSchools.get(rng.nextInt(plan.transferSchools.size()));
        }
        if (from.level == Level.TRANSFER) {
            return null;
        }
        int zones = plan.spec.zones();
        if (zones == 1) {
            return grade <= 5 ? plan.schoolFor(zone, grade, from.index % 4 == 0 ? 1 : 0) : null;
        }
        int other = (zone + 1 + rng.nextInt(zones - 1)) % zones;
        return plan.schoolFor(other, grade, rng.nextInt(2));
    }
}
