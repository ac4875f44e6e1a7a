package org.communityschools.core.internal.synth;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.internal.write.DirectoryWriter;
import org.communityschools.core.internal.write.Rows;
import org.communityschools.core.internal.synth.CityPlan.SchoolPlan;
import org.communityschools.core.internal.synth.StudentSimulator.Origin;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.AgreementStatus;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.InstructionalDay;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.InterventionId;
import org.communityschools.core.model.InterventionType;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.PartnershipRole;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Signatory;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffAssignment;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.synth.GenerationSummary;
import org.communityschools.core.synth.Preset;

/**
 * Generates a synthetic city into a district data directory. The fixed tables (organizations, schools, partnerships,
 * calendars, staff, interventions, agreements) come from the {@link CityPlan}; students are simulated in batches of
 * consecutive students on a small thread pool and written strictly in batch order, so that the bytes do not depend
 * on the number of threads. At most a few batches are in memory at once.
 */
public final class CityGenerator {
    private static final int BATCH = 1_000;

    private final CityPlan plan;
    private final boolean meetings;

    /** A generator of the whole city, meetings included. */
    public CityGenerator(Preset preset, long seed, SchoolYear firstYear, SchoolYear lastYear, double scale) {
        this(preset, seed, firstYear, lastYear, scale, true);
    }

    /**
     * A generator that writes the school-team meetings ({@code meetings.csv}, {@code agenda_items.csv}, {@code
     * action_steps.csv}) only when {@code meetings} is true; every other file is the same either way (tests compare).
     */
    public CityGenerator(Preset preset, long seed, SchoolYear firstYear, SchoolYear lastYear, double scale,
                         boolean meetings) {
        this.plan = new CityPlan(preset, seed, firstYear, lastYear, scale);
        this.meetings = meetings;
    }

    public GenerationSummary writeTo(Path dir) {
        long started = System.nanoTime();
        try (DirectoryWriter out = DirectoryWriter.open(dir)) {
            writeFixedTables(out);
            TeamMeetings team = new TeamMeetings(plan);
            writeStudents(out, team);
            if (meetings) {
                team.writeTo(out);
            }
            out.close();
            return new GenerationSummary(dir, out.rowCounts(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    static InterventionId successMentorId(SchoolPlan school, SchoolYear year) {
        return InterventionId.of(school.id.value() + "-SM" + year.endYear());
    }

    private void writeFixedTables(DirectoryWriter out) {
        Consumer<Organization> organizations = out.sink(DataFile.ORGANIZATIONS, Rows::organization);
        organizations.accept(new Organization(plan.district, plan.spec.districtName(), OrganizationType.DISTRICT));
        for (int i = 0; i < plan.cbos.size(); i++) {
            organizations.accept(new Organization(plan.cbos.get(i), Names.organization(i), OrganizationType.COMMUNITY_ORGANIZATION));
        }
        organizations.accept(new Organization(plan.research, "Center for Urban Education Research", OrganizationType.COMMUNITY_ORGANIZATION));

        Consumer<School> schools = out.sink(DataFile.SCHOOLS, Rows::school);
        for (SchoolPlan s : plan.schools) {
            schools.accept(new School(s.id, s.name, plan.district, s.level.low, s.level.high, s.level.type));
        }
        Consumer<Partnership> partnerships = out.sink(DataFile.PARTNERSHIPS, Rows::partnership);
        for (SchoolPlan s : plan.communitySchools) {
            for (int t = 0; t < plan.years; t++) {
                partnerships.accept(new Partnership(s.id, plan.cbos.get(s.leadCbo), plan.year(t), PartnershipRole.LEAD));
                if (s.partnerCbo >= 0) {
                    partnerships.accept(new Partnership(s.id, plan.cbos.get(s.partnerCbo), plan.year(t), PartnershipRole.PARTNER));
                }
            }
        }
        Consumer<InstructionalDay> calendar = out.sink(DataFile.CALENDAR, Rows::calendar);
        for (SchoolPlan s : plan.schools) {
            for (List<LocalDate> days : plan.calendars) {
                for (LocalDate d : days) {
                    calendar.accept(new InstructionalDay(s.id, d));
                }
            }
        }
        writeStaff(out);
        Consumer<Intervention> interventions = out.sink(DataFile.INTERVENTIONS, Rows::intervention);
        for (SchoolPlan s : plan.communitySchools) {
            for (int t = 0; t < plan.years; t++) {
                interventions.accept(new Intervention(successMentorId(s, plan.year(t)), InterventionType.SUCCESS_MENTOR,
                        plan.cbos.get(s.leadCbo), s.id, Optional.of("Success Mentors for students chronically absent last year, "
                                + plan.year(t).label())));
            }
        }
        writeAgreements(out::agreement);
    }

    private void writeStaff(DirectoryWriter out) {
        Consumer<Staff> staff = out.sink(DataFile.STAFF, Rows::staff);
        Consumer<StaffAssignment> assignments = out.sink(DataFile.STAFF_ASSIGNMENTS, Rows::staffAssignment);
        DateRange window = plan.window();
        for (SchoolPlan s : plan.schools) {
            SplittableRandom rng = Mix.random(plan.seed, Mix.STAFF, s.index);
            person(staff, assignments, rng, StaffId.of(s.id.value() + "-P1"), plan.district, s.id, StaffRole.PRINCIPAL, window);
            for (int k = 0; k < s.counselors; k++) {
                person(staff, assignments, rng, StaffId.of(s.id.value() + "-C" + Draws.pad(k + 1, 2)), plan.district,
                        s.id, StaffRole.COUNSELOR, window);
            }
            for (int k = 0; k < s.teachers; k++) {
                person(staff, assignments, rng, s.teacher(k), plan.district, s.id, StaffRole.TEACHER, window);
            }
            if (s.community) {
                OrganizationId lead = plan.cbos.get(s.leadCbo);
                person(staff, assignments, rng, s.director(), lead, s.id, StaffRole.COMMUNITY_SCHOOL_DIRECTOR, window);
                for (int k = 0; k < s.mentors; k++) {
                    person(staff, assignments, rng, s.mentor(k), k % 2 == 0 ? lead : plan.district, s.id,
                            StaffRole.SUCCESS_MENTOR, window);
                }
            }
        }
        SplittableRandom rng = Mix.random(plan.seed, Mix.STAFF, -1);
        for (int k = 0; k < plan.spec.districtAdmins(); k++) {
            person(staff, assignments, rng, StaffId.of("DIST01-A" + Draws.pad(k + 1, 2)), plan.district,
                    plan.district, StaffRole.DISTRICT_ADMIN, window);
        }
        person(staff, assignments, rng, StaffId.of("RES01-R01"), plan.research, plan.research, StaffRole.RESEARCHER, window);
    }

    private static void person(Consumer<Staff> staff, Consumer<StaffAssignment> assignments, SplittableRandom rng,
                               StaffId id, OrganizationId employer, org.communityschools.core.model.EducationOrganizationId at,
                               StaffRole role, DateRange period) {
        staff.accept(new Staff(id, Names.first(rng), Names.last(rng), employer));
        assignments.accept(new StaffAssignment(id, at, role, period));
    }

    private void writeAgreements(Consumer<DataSharingAgreement> agreements) {
        LocalDate effective = plan.firstYear.firstDay();
        LocalDate end = plan.year(plan.years - 1).lastDay();
        Set<SchoolYear> years = new LinkedHashSet<>();
        for (int t = 0; t < plan.years; t++) {
            years.add(plan.year(t));
        }
        SplittableRandom rng = Mix.random(plan.seed, Mix.ORG, -1);
        Signatory district = new Signatory(Names.first(rng) + " " + Names.last(rng), "Chief Privacy Officer");
        for (int i = 0; i < plan.cbos.size(); i++) {
            OrganizationId cbo = plan.cbos.get(i);
            Set<SchoolId> led = new LinkedHashSet<>();
            for (SchoolPlan s : plan.communitySchools) {
                if (s.leadCbo == i) {
                    led.add(s.id);
                }
            }
            if (led.isEmpty()) {
                continue;
            }
            agreements.accept(new DataSharingAgreement(AgreementId.of("DSA-" + cbo.value()), 1, AgreementStatus.ACTIVE,
                    plan.district, cbo, LegalBasis.SCHOOL_OFFICIAL,
                    "Community school services: attendance improvement, Success Mentors and student support", led, years,
                    Set.of("IDENTITY", "ATTENDANCE", "BEHAVIOR", "COURSEWORK", "INTERVENTIONS"),
                    EnumSet.of(StaffRole.COMMUNITY_SCHOOL_DIRECTOR, StaffRole.SUCCESS_MENTOR), effective, end,
                    effective.minusDays(30),
                    List.of(district, new Signatory(Names.first(rng) + " " + Names.last(rng), "Executive Director")), 90, false));
        }
        Set<SchoolId> all = new LinkedHashSet<>();
        for (SchoolPlan s : plan.schools) {
            all.add(s.id);
        }
        agreements.accept(new DataSharingAgreement(AgreementId.of("DSA-RES01-STUDY"), 1, AgreementStatus.ACTIVE,
                plan.district, plan.research, LegalBasis.STUDIES,
                "Evaluation of the community schools initiative: chronic absence and graduation outcomes", all, years,
                Set.of("ATTENDANCE", "COURSEWORK", "DEMOGRAPHICS", "PROGRAMS"), EnumSet.of(StaffRole.RESEARCHER),
                effective, end, effective.minusDays(45),
                List.of(district, new Signatory(Names.first(rng) + " " + Names.last(rng), "Principal Investigator")), 365, false));
    }

    private void writeStudents(DirectoryWriter out, TeamMeetings team) {
        StudentSimulator simulator = new StudentSimulator(plan);
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "synthetic-city");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Batch>> pending = new ArrayDeque<>();
            Origins origins = new Origins(plan);
            int next = 0;
            while (origins.hasNext()) {
                int firstIndex = next;
                List<Origin> chunk = new ArrayList<>(BATCH);
                while (origins.hasNext() && chunk.size() < BATCH) {
                    chunk.add(origins.next());
                }
                next += chunk.size();
                pending.add(pool.submit(() -> {
                    Batch batch = new Batch();
                    for (int i = 0; i < chunk.size(); i++) {
                        simulator.simulate(firstIndex + i, chunk.get(i), batch);
                    }
                    return batch;
                }));
                if (pending.size() >= 2 * threads) {
                    drain(pending.poll(), out, team);
                }
            }
            while (!pending.isEmpty()) {
                drain(pending.poll(), out, team);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void drain(Future<Batch> future, DirectoryWriter out, TeamMeetings team) {
        Batch b;
        try {
            b = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        b.writeTo(out);
        b.teamFlags().forEach(team::add);
    }

    /**
     * The students in index order: first everyone enrolled in the first year (per zone, per grade, two elementary
     * classes' worth), then each later year's kindergarten entrants and newcomers arriving during the year.
     */
    /**
     * The students in index order: everyone enrolled in the first year (per zone and grade), then per later year the
     * kindergarten entrants and newcomers of each zone, then per zone the candidates of the cohorts that entered
     * grade 9 in the last history years ({@link Origin#year()} negative): only those who leave before the first
     * generated year are written, the others stand for students already simulated from the first year.
     */
    private static final class Origins {
        private final CityPlan plan;
        private final int perGrade;
        private final int newcomers;
        private final int[] candidates;
        private int t;
        private int zone;
        private int grade;
        private int k;

        Origins(CityPlan plan) {
            this.plan = plan;
            this.perGrade = 2 * plan.spec.cohort();
            this.newcomers = Math.max(1, (int) Math.round(13 * perGrade * 0.03));
            // About 5.5% of a cohort leave each high-school year: perGrade survivors stand for perGrade / 0.945^k entrants.
            this.candidates = new int[CityPlan.COMPLETE_HISTORY_COHORTS + 1];
            for (int c = 1; c <= CityPlan.COMPLETE_HISTORY_COHORTS; c++) {
                candidates[c] = (int) Math.round(perGrade * Math.pow(1 / 0.945, c));
            }
        }

        boolean hasNext() {
            return t <= plan.years;
        }

        Origin next() {
            Origin o;
            if (t == 0) {
                o = new Origin(0, grade, zone, k % 2, false);
                if (++k == perGrade) {
                    k = 0;
                    if (++grade == 13) {
                        grade = 0;
                        advanceZone();
                    }
                }
            } else if (t == plan.years) {
                // grade counts the history cohorts 1..COMPLETE_HISTORY_COHORTS here.
                int back = grade + 1;
                o = new Origin(-back, 9, zone, k % 2, false);
                if (++k == candidates[back]) {
                    k = 0;
                    if (++grade == CityPlan.COMPLETE_HISTORY_COHORTS) {
                        grade = 0;
                        advanceZone();
                    }
                }
            } else if (k < perGrade) {
                o = new Origin(t, 0, zone, k % 2, false);
                k++;
            } else {
                o = new Origin(t, -1, zone, k % 2, true);
                if (++k == perGrade + newcomers) {
                    k = 0;
                    advanceZone();
                }
            }
            return o;
        }

        private void advanceZone() {
            if (++zone == plan.spec.zones()) {
                zone = 0;
                t++;
            }
        }
    }
}
