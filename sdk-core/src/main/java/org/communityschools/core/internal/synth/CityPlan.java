package org.communityschools.core.internal.synth;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolType;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.synth.Preset;

/**
 * The fixed part of a synthetic city: organizations, schools grouped in neighbourhood zones (two elementary
 * schools feeding one middle school and one high school), transfer high schools, which schools are community
 * schools and which organization leads each, staff counts, and the instructional calendars. Immutable after
 * construction; shared by the student simulations.
 */
final class CityPlan {
    /** The size parameters of a preset. {@code cohort}: students per grade in one elementary school. */
    record Spec(String districtName, int zones, int cohort, int transferSchools, int communitySchools, int cbos,
                int districtAdmins) {}

    enum Level {
        ELEMENTARY(GradeLevel.KG, GradeLevel.G05, SchoolType.REGULAR, "Elementary School"),
        MIDDLE(GradeLevel.G06, GradeLevel.G08, SchoolType.REGULAR, "Middle School"),
        HIGH(GradeLevel.G09, GradeLevel.G12, SchoolType.REGULAR, "High School"),
        TRANSFER(GradeLevel.G09, GradeLevel.G12, SchoolType.TRANSFER, "Transfer High School");

        final GradeLevel low;
        final GradeLevel high;
        final SchoolType type;
        final String label;

        Level(GradeLevel low, GradeLevel high, SchoolType type, String label) {
            this.low = low;
            this.high = high;
            this.type = type;
            this.label = label;
        }
    }

    /** One school of the plan. */
    static final class SchoolPlan {
        final int index;
        final SchoolId id;
        final String name;
        final Level level;
        final int zone;
        /** Added to a student's log absence rate. */
        final double absenceEffect;
        /** Added to the log-odds of graduating on time. */
        final double graduationEffect;
        boolean community;
        int leadCbo = -1;
        int partnerCbo = -1;
        final int teachers;
        final int counselors;
        final int mentors;
        private final StaffId[] teacherIds;
        private final StaffId[] mentorIds;

        SchoolPlan(int index, Level level, int zone, double absenceEffect, double graduationEffect, int students) {
            this.index = index;
            this.id = SchoolId.of(String.format("SCH%04d", index + 1));
            this.level = level;
            this.zone = zone;
            this.name = Names.place(zone + index / 7) + " " + level.label + " " + (index + 1);
            this.absenceEffect = absenceEffect;
            this.graduationEffect = graduationEffect;
            this.teachers = Math.max(2, students / 20);
            this.counselors = Math.max(1, students / 250);
            this.mentors = Math.max(2, students / 80);
            // Built once: every student-year names one or two teachers, and formatting and checking an id each time
            // was a tenth of the generation's time.
            this.teacherIds = new StaffId[teachers];
            for (int k = 0; k < teachers; k++) {
                teacherIds[k] = StaffId.of(id.value() + "-T" + String.format("%03d", k + 1));
            }
            this.mentorIds = new StaffId[mentors];
            for (int k = 0; k < mentors; k++) {
                mentorIds[k] = StaffId.of(id.value() + "-M" + String.format("%02d", k + 1));
            }
        }

        StaffId teacher(int k) {
            return teacherIds[k];
        }

        StaffId mentor(int k) {
            return mentorIds[k];
        }

        StaffId director() {
            return StaffId.of(id.value() + "-CSD");
        }
    }

    /**
     * History years before the first generated year in which high-school students have enrollments (and students of
     * the cohorts that began then who left before the first generated year exist): enough for a student in grade 12
     * who repeated a grade.
     */
    static final int HISTORY_YEARS = 4;
    /** Cohorts that began in the last this many history years get their leavers too: their 4-year rate is complete. */
    static final int COMPLETE_HISTORY_COHORTS = 3;

    final Preset preset;
    final Spec spec;
    final long seed;
    final SchoolYear firstYear;
    final int years;
    final OrganizationId district = OrganizationId.of("DIST01");
    final OrganizationId research = OrganizationId.of("RES01");
    final List<OrganizationId> cbos;
    final List<SchoolPlan> schools;
    final List<SchoolPlan> transferSchools;
    final List<SchoolPlan> communitySchools;
    final double[] zoneNeed;
    /** Per year: the 180 instructional days. */
    final List<List<LocalDate>> calendars;
    /** Per year: index of the last instructional day of January, the end of the first semester. */
    final int[] semesterEnd;
    /**
     * The instructional days of the history years before the first generated year, oldest first: only enrollment
     * dates are drawn from them; they are not written to {@code calendar.csv}.
     */
    final List<List<LocalDate>> historyCalendars;

    CityPlan(Preset preset, long seed, SchoolYear firstYear, SchoolYear lastYear, double scale) {
        this.preset = preset;
        this.spec = spec(preset, scale);
        this.seed = seed;
        this.firstYear = firstYear;
        this.years = lastYear.endYear() - firstYear.endYear() + 1;
        List<OrganizationId> c = new ArrayList<>();
        for (int i = 0; i < spec.cbos; i++) {
            c.add(OrganizationId.of(String.format("CBO%03d", i + 1)));
        }
        this.cbos = List.copyOf(c);
        zoneNeed = new double[spec.zones];
        for (int z = 0; z < spec.zones; z++) {
            zoneNeed[z] = Mix.random(seed, Mix.ZONE, z).nextGaussian();
        }
        List<SchoolPlan> all = new ArrayList<>();
        int cohort = spec.cohort;
        for (int z = 0; z < spec.zones; z++) {
            all.add(school(all.size(), Level.ELEMENTARY, z, 6 * cohort));
            all.add(school(all.size(), Level.ELEMENTARY, z, 6 * cohort));
            all.add(school(all.size(), Level.MIDDLE, z, 6 * cohort));
            all.add(school(all.size(), Level.HIGH, z, 8 * cohort));
        }
        List<SchoolPlan> transfer = new ArrayList<>();
        for (int i = 0; i < spec.transferSchools; i++) {
            SchoolPlan s = school(all.size(), Level.TRANSFER, i % spec.zones, Math.max(40, 8 * cohort / 4));
            all.add(s);
            transfer.add(s);
        }
        this.schools = List.copyOf(all);
        this.transferSchools = List.copyOf(transfer);
        this.communitySchools = chooseCommunitySchools();
        List<List<LocalDate>> cal = new ArrayList<>();
        semesterEnd = new int[years];
        for (int t = 0; t < years; t++) {
            List<LocalDate> days = Calendars.instructionalDays(firstYear.plusYears(t));
            cal.add(days);
            LocalDate feb = LocalDate.of(firstYear.endYear() + t, Month.FEBRUARY, 1);
            int end = 0;
            while (days.get(end + 1).isBefore(feb)) {
                end++;
            }
            semesterEnd[t] = end;
        }
        this.calendars = List.copyOf(cal);
        List<List<LocalDate>> history = new ArrayList<>();
        for (int h = HISTORY_YEARS; h >= 1; h--) {
            history.add(Calendars.instructionalDays(firstYear.plusYears(-h)));
        }
        this.historyCalendars = List.copyOf(history);
    }

    /** The instructional days of year {@code t}: 0 is the first generated year, negative values are history years. */
    List<LocalDate> days(int t) {
        return t >= 0 ? calendars.get(t) : historyCalendars.get(HISTORY_YEARS + t);
    }

    static Spec spec(Preset preset, double scale) {
        return switch (preset) {
            case TINY -> new Spec("Riverside Unified School District", 1, cohort(12, scale), 1, 2, 2, 2);
            case DISTRICT -> new Spec("Lakeview Public Schools", 14, cohort(137, scale), 4, 8, 4, 4);
            case NYC -> new Spec("Metropolis City Department of Education", 440, cohort(96, scale), 40, 227, 62, 12);
        };
    }

    private static int cohort(int base, double scale) {
        return Math.max(1, (int) Math.round(base * scale));
    }

    private SchoolPlan school(int index, Level level, int zone, int students) {
        SplittableRandom rng = Mix.random(seed, Mix.SCHOOL, index);
        double need = 0.6 * zoneNeed[zone] + 0.8 * rng.nextGaussian();
        double absence = 0.18 * need + (level == Level.TRANSFER ? 0.5 : 0);
        double graduation = -0.35 * need;
        return new SchoolPlan(index, level, zone, absence, graduation, students);
    }

    /**
     * The highest-need schools become community schools: a third of them high schools, the rest elementary and
     * middle schools. The first community schools get distinct lead organizations; the rest go mostly to the first
     * organizations, so that some organizations lead several schools.
     */
    private List<SchoolPlan> chooseCommunitySchools() {
        int n = Math.min(spec.communitySchools, schools.size() - transferSchools.size());
        int high = Math.max(1, (int) Math.round(n / 3.0));
        Comparator<SchoolPlan> byNeed = Comparator.comparingDouble((SchoolPlan s) -> -s.absenceEffect)
                .thenComparingInt(s -> s.index);
        List<SchoolPlan> chosen = new ArrayList<>();
        schools.stream().filter(s -> s.level == Level.HIGH).sorted(byNeed).limit(high).forEach(chosen::add);
        schools.stream().filter(s -> s.level == Level.ELEMENTARY || s.level == Level.MIDDLE).sorted(byNeed)
                .limit(n - chosen.size()).forEach(chosen::add);
        chosen.sort(Comparator.comparingInt(s -> s.index));
        for (int j = 0; j < chosen.size(); j++) {
            SchoolPlan s = chosen.get(j);
            s.community = true;
            s.leadCbo = j < spec.cbos ? j : Math.min(spec.cbos - 1, (int) (spec.cbos * Math.pow((double) j / chosen.size(), 1.5)));
            SplittableRandom rng = Mix.random(seed, Mix.ORG, s.index);
            if (spec.cbos > 1 && rng.nextDouble() < 0.3) {
                s.partnerCbo = (s.leadCbo + 1 + rng.nextInt(spec.cbos - 1)) % spec.cbos;
            }
        }
        return List.copyOf(chosen);
    }

    /** The school serving grade {@code grade} (0 = KG) in a zone. */
    SchoolPlan schoolFor(int zone, int grade, int elementaryChoice) {
        int base = 4 * zone;
        if (grade <= 5) {
            return schools.get(base + elementaryChoice);
        }
        return schools.get(grade <= 8 ? base + 2 : base + 3);
    }

    SchoolYear year(int t) {
        return firstYear.plusYears(t);
    }

    /** From the first day of the first school year to the last day of the last one. */
    DateRange window() {
        return DateRange.closed(firstYear.firstDay(), year(years - 1).lastDay());
    }
}
