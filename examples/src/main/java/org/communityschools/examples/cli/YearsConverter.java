package org.communityschools.examples.cli;

import java.util.List;
import org.communityschools.core.model.SchoolYear;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts {@code 2015-2018} (a range of school years named by their ending years, both included: 2014-15 to
 * 2017-18) or a single year ({@code 2018} or {@code 2017-18}) to the first and last school year.
 */
final class YearsConverter implements ITypeConverter<List<SchoolYear>> {
    @Override
    public List<SchoolYear> convert(String value) {
        String v = value.strip();
        int dash = v.indexOf('-');
        if (dash == 4 && v.length() == 9) {
            int first = parse(v.substring(0, 4), value);
            int last = parse(v.substring(5), value);
            if (last < first) {
                throw new TypeConversionException("years must run forward, was '" + value + "'");
            }
            return List.of(SchoolYear.of(first), SchoolYear.of(last));
        }
        try {
            SchoolYear year = SchoolYear.parse(v);
            return List.of(year, year);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("years must be written 2015-2018 (ending years, inclusive) or 2018, was '" + value + "'");
        }
    }

    private static int parse(String text, String value) {
        try {
            return SchoolYear.of(Integer.parseInt(text)).endYear();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("years must be written 2015-2018 (ending years, inclusive) or 2018, was '" + value + "'");
        }
    }
}
