package org.communityschools.privacy.extract;

import java.util.List;

/** RFC 4180 fields for the extract files: quoted when they hold a comma, a quote or a line break. */
final class Csv {
    private Csv() {
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static void line(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields.get(i)));
        }
        sb.append('\n');
    }
}
