package org.communityschools.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.Diploma;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StudentCharacteristic;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.junit.jupiter.api.Test;

/**
 * A result about one student prints the student's identifier (and the school's), never the student's figures,
 * grade, dates, groups or flags: the rule of the core model's package documentation.
 */
class PersonalDataToStringTest {

    @Test
    void everyPublicRecordAboutAStudentDeclaresItsToString() throws IOException, URISyntaxException {
        Path dir = Path.of(StudentHistory.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(StudentHistory.class.getPackageName().replace('.', '/'));
        List<Class<?>> aboutAStudent;
        try (Stream<Path> files = Files.list(dir)) {
            aboutAStudent = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .<Class<?>>map(n -> load(StudentHistory.class.getPackageName() + "." + n.substring(0, n.length() - 6)))
                    .filter(c -> c.isRecord() && Modifier.isPublic(c.getModifiers()) && Arrays.stream(c.getRecordComponents())
                            .anyMatch(rc -> rc.getType() == StudentId.class))
                    .toList();
        }
        assertThat(aboutAStudent).contains(StudentHistory.class, EarlyWarningEntry.class, EnrollmentFigures.class);
        for (Class<?> type : aboutAStudent) {
            assertThat(Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals("toString")
                    && m.getParameterCount() == 0)).as(type.getName()).isTrue();
        }
    }

    @Test
    void anEarlyWarningEntryShowsTheStudentOnly() {
        SmallDistrict d = new SmallDistrict(180);
        d.absent(d.student("below"), 0, 28);
        EarlyWarningList list = EarlyWarning.evaluate(d.build(), SmallDistrict.A, SmallDistrict.YEAR,
                EarlyWarningDefinition.EVERYONE_GRADUATES);
        assertThat(list.entries()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.flags()).isNotEmpty();
            assertThat(e).hasToString("EarlyWarningEntry[student=" + e.studentId() + "]");
        });
    }

    @Test
    void aStudentHistoryShowsTheStudentOnly() {
        StudentId s = StudentId.of("S1");
        LocalDate entry = LocalDate.of(2014, 9, 4);
        StudentHistory h = new StudentHistory(s, Optional.of(SchoolYear.of(2015)),
                List.of(new Enrollment(s, SmallDistrict.A, entry, GradeLevel.parse("09"), Optional.of(LocalDate.of(2018, 6, 26)),
                        Optional.of(ExitWithdrawType.GRADUATED), false)),
                List.of(new Diploma(s, SmallDistrict.A, LocalDate.of(2018, 6, 26), DiplomaType.values()[0])),
                List.of(new StudentCharacteristic(s, StudentCharacteristicType.values()[0], DateRange.startingOn(entry))));
        assertThat(h).hasToString("StudentHistory[student=S1]");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
