package org.communityschools.interop.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.data.Severity;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams the records of one Ed-Fi ODS/API resource file (the JSON array a {@code GET /ed-fi/students} returns, saved
 * as {@code students.json}) as the same {@link Node} trees {@link XmlRecords} builds, so that one importer maps both
 * formats. The file name names the resource ({@link #elementOf(String)}); a resource whose record is not wanted is not
 * parsed at all. Each array element is built, handed to the consumer and dropped (Jackson's streaming parser, one
 * record at a time).
 *
 * <p>Property names become element names the way the Ed-Fi XML and JSON bindings differ: the first letter is upper
 * case and a {@code Descriptor} suffix is dropped ({@code attendanceEventCategoryDescriptor} →
 * {@code AttendanceEventCategory}, {@code studentReference} → {@code StudentReference}); the items of an array are
 * children named by the array's singular ({@code gradeLevels} → {@code GradeLevel}), and an item with one scalar
 * property also carries that value as its text ({@code {"gradeLevelDescriptor": "…"}} reads like
 * {@code <GradeLevel>…</GradeLevel>}). A {@code null} is an absent property. Every node is labelled with its JSON
 * pointer ({@code /12/studentReference/studentUniqueId}), which violations name as their field, and located at the
 * line and column of its property name (a record: of its opening brace).
 *
 * <p>A file that is not a JSON array of objects is reported ({@code json.malformed}, {@code json.not-array},
 * {@code json.record-not-object}); after a syntax error the rest of the file is not read. The {@link ReadLimits}
 * bound the file's bytes ({@code limit.file-size}), the nesting of arrays and objects ({@code limit.depth}) and the
 * characters of a string ({@code limit.cell-size}), through Jackson's stream read constraints.
 */
public final class JsonRecords {

    /** ODS/API resource name (the file name without {@code .json}, compared without case) → Ed-Fi record name. */
    private static final Map<String, String> RESOURCES = Map.ofEntries(
            Map.entry("localeducationagencies", "LocalEducationAgency"),
            Map.entry("schools", "School"),
            Map.entry("communityorganizations", "CommunityOrganization"),
            Map.entry("communityproviders", "CommunityProvider"),
            Map.entry("sessions", "Session"),
            Map.entry("calendars", "Calendar"),
            Map.entry("calendardates", "CalendarDate"),
            Map.entry("students", "Student"),
            Map.entry("staffs", "Staff"),
            Map.entry("interventions", "Intervention"),
            Map.entry("disciplineincidents", "DisciplineIncident"),
            Map.entry("studentschoolassociations", "StudentSchoolAssociation"),
            Map.entry("studentschoolattendanceevents", "StudentSchoolAttendanceEvent"),
            Map.entry("studentdisciplineincidentbehaviorassociations", "StudentDisciplineIncidentBehaviorAssociation"),
            Map.entry("disciplineactions", "DisciplineAction"),
            Map.entry("studentinterventionassociations", "StudentInterventionAssociation"),
            Map.entry("staffeducationorganizationassignmentassociations", "StaffEducationOrganizationAssignmentAssociation"),
            Map.entry("staffeducationorganizationemploymentassociations", "StaffEducationOrganizationEmploymentAssociation"),
            Map.entry("studenteducationorganizationassociations", "StudentEducationOrganizationAssociation"));

    private JsonRecords() {}

    /**
     * The Ed-Fi record name of a resource file: {@code students.json} → {@code Student}; any
     * {@code student…ProgramAssociations.json} → {@code Student…ProgramAssociation}; other files → empty.
     *
     * @param fileName the file's name
     * @return the record name, or empty for a resource the import does not read
     */
    public static Optional<String> elementOf(String fileName) {
        String base = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        String known = RESOURCES.get(base.toLowerCase(Locale.ROOT));
        if (known != null) {
            return Optional.of(known);
        }
        String lower = base.toLowerCase(Locale.ROOT);
        if (lower.startsWith("student") && lower.endsWith("programassociations") && !lower.equals("studentprogramassociations")) {
            return Optional.of(capitalize(base.substring(0, base.length() - 1)));
        }
        if (lower.equals("studentprogramassociations")) {
            return Optional.of("StudentProgramAssociation");
        }
        return Optional.empty();
    }

    /** 0 for the resources of education organizations (which the other records refer to), 1 for the others. */
    static int rank(Path file) {
        return elementOf(file.getFileName().toString())
                .map(e -> e.equals("LocalEducationAgency") || e.equals("School") || e.startsWith("Community") ? 0 : 1).orElse(1);
    }

    /**
     * Reads one resource file.
     *
     * @param file     the file
     * @param wanted   which record names to build; asked once, with the file's record name
     * @param consumer receives each record
     * @param issues   receives the file's errors
     * @return the record name, or empty when the file could not be read or is not a resource the import knows
     */
    public static Optional<String> read(Path file, Predicate<String> wanted, Consumer<Node> consumer, Issues issues,
                                        ReadLimits limits) {
        String name = file.getFileName().toString();
        return read(file, name, elementOf(name), wanted, consumer, issues, limits);
    }

    /**
     * Reads one page of a resource whose name is not the file's (change queries keep the pages of a resource in a
     * folder named after it: {@code students/page-1.json}).
     *
     * @param file    the file
     * @param name    the file's name in violations and nodes ({@code students/page-1.json})
     * @param element the Ed-Fi record name of the resource, empty for one the import does not read
     * @return the record name, or empty when the file could not be read or is not a resource the import knows
     */
    static Optional<String> read(Path file, String name, Optional<String> element, Predicate<String> wanted, Consumer<Node> consumer,
                                 Issues issues, ReadLimits limits) {
        if (element.isEmpty() || !wanted.test(element.get())) {
            return element;
        }
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth()).maxStringLength(limits.maxCellChars())
                .maxNameLength(limits.maxCellChars()).maxNumberLength(Math.min(1000, limits.maxCellChars())).build()).build();
        try (InputStream in = Files.newInputStream(file); JsonParser p = factory.createParser(ObjectReadContext.empty(), in)) {
            try {
                if (Files.size(file) > limits.maxFileBytes()) {
                    issues.add(Severity.ERROR, name, 0, 0, Optional.empty(), Optional.empty(), "limit.file-size", "a file may have at most "
                            + limits.maxFileBytes() + " bytes (limit maxFileBytes); this one has " + Files.size(file) + "; it is not read");
                    return Optional.empty();
                }
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_ARRAY) {
                    TokenStreamLocation loc = p.currentTokenLocation();
                    issues.add(Severity.ERROR, name, loc.getLineNr(), loc.getColumnNr(), Optional.of(""), Optional.empty(), "json.not-array",
                            "an Ed-Fi resource file must hold a JSON array of " + element.get() + " records, as the ODS/API returns them");
                    return Optional.empty();
                }
                int index = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    String pointer = "/" + index;
                    TokenStreamLocation loc = p.currentTokenLocation();
                    if (t == null) {
                        issues.add(Severity.ERROR, name, loc.getLineNr(), loc.getColumnNr(), Optional.empty(), Optional.empty(), "json.malformed",
                                "the file ends inside the array");
                        return Optional.empty();
                    }
                    if (t != JsonToken.START_OBJECT) {
                        issues.add(Severity.ERROR, name, loc.getLineNr(), loc.getColumnNr(), Optional.of(pointer), Optional.empty(),
                                "json.record-not-object", "each element of the array must be a JSON object (one " + element.get() + " record)");
                        p.skipChildren();
                        index++;
                        continue;
                    }
                    Node record = new Node(name, element.get(), pointer, loc.getLineNr(), loc.getColumnNr(), Map.of());
                    readObject(p, record, pointer, name);
                    consumer.accept(record);
                    index++;
                }
                return element;
            } catch (StreamConstraintsException e) {
                TokenStreamLocation loc = p.currentLocation();
                String m = String.valueOf(e.getOriginalMessage());
                String rule = m.contains("depth") ? "limit.depth" : "limit.cell-size";
                issues.add(Severity.ERROR, name, loc == null ? 0 : Math.max(loc.getLineNr(), 0), loc == null ? 0 : Math.max(loc.getColumnNr(), 0),
                        Optional.empty(), Optional.empty(), rule, (rule.equals("limit.depth")
                                ? "arrays and objects may be nested at most " + limits.maxDepth() + " deep (limit maxDepth)"
                                : "a string may have at most " + limits.maxCellChars() + " characters (limit maxCellChars)")
                                + "; the rest of the file is not read");
                return Optional.empty();
            }
        } catch (StreamReadException e) {
            TokenStreamLocation loc = e.getLocation();
            issues.add(Severity.ERROR, name, loc == null ? 0 : Math.max(loc.getLineNr(), 0), loc == null ? 0 : Math.max(loc.getColumnNr(), 0),
                    Optional.empty(), Optional.empty(), "json.malformed",
                    "the file must be well-formed JSON; the rest of the file is not read: " + e.getOriginalMessage());
            return Optional.empty();
        } catch (JacksonException e) {
            issues.add(Severity.ERROR, name, 0, 0, Optional.empty(), Optional.empty(), "json.malformed",
                    "the file must be well-formed JSON: " + e.getOriginalMessage());
            return Optional.empty();
        } catch (IOException e) {
            issues.add(Severity.ERROR, name, 0, 0, Optional.empty(), Optional.empty(), "file.unreadable",
                    "the file must be readable: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Reads the properties of the object whose START_OBJECT is current; returns the text of its only property when it has exactly one scalar property. */
    private static Optional<String> readObject(JsonParser p, Node parent, String pointer, String file) {
        int properties = 0;
        String onlyScalar = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String property = p.currentName();
            TokenStreamLocation loc = p.currentTokenLocation();
            String path = pointer + "/" + escape(property);
            JsonToken v = p.nextToken();
            properties++;
            onlyScalar = null;
            if (v == JsonToken.VALUE_NULL) {
                continue;
            }
            if (v == JsonToken.START_OBJECT) {
                Node child = new Node(file, elementName(property), path, loc.getLineNr(), loc.getColumnNr(), Map.of());
                parent.addChild(child);
                readObject(p, child, path, file);
            } else if (v == JsonToken.START_ARRAY) {
                readArray(p, parent, property, path, file);
            } else {
                Node child = new Node(file, elementName(property), path, loc.getLineNr(), loc.getColumnNr(), Map.of());
                child.appendText(p.getText());
                parent.addChild(child);
                onlyScalar = properties == 1 ? p.getText() : null;
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IllegalStateException("unexpected token " + t);
        }
        return properties == 1 ? Optional.ofNullable(onlyScalar) : Optional.empty();
    }

    private static void readArray(JsonParser p, Node parent, String property, String pointer, String file) {
        String item = singular(elementName(property));
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            TokenStreamLocation loc = p.currentTokenLocation();
            String path = pointer + "/" + index;
            if (t == JsonToken.START_OBJECT) {
                Node child = new Node(file, item, path, loc.getLineNr(), loc.getColumnNr(), Map.of());
                readObject(p, child, path, file).ifPresent(child::appendText);
                parent.addChild(child);
            } else if (t == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (t != JsonToken.VALUE_NULL) {
                Node child = new Node(file, item, path, loc.getLineNr(), loc.getColumnNr(), Map.of());
                child.appendText(p.getText());
                parent.addChild(child);
            }
            index++;
        }
    }

    /** {@code attendanceEventCategoryDescriptor} → {@code AttendanceEventCategory}; {@code studentReference} → {@code StudentReference}. */
    static String elementName(String property) {
        String s = property.length() > "Descriptor".length() && property.endsWith("Descriptor")
                ? property.substring(0, property.length() - "Descriptor".length()) : property;
        return capitalize(s);
    }

    private static String singular(String name) {
        if (name.endsWith("ies")) {
            return name.substring(0, name.length() - 3) + "y";
        }
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** RFC 6901: {@code ~} → {@code ~0}, {@code /} → {@code ~1}. */
    private static String escape(String property) {
        return property.replace("~", "~0").replace("/", "~1");
    }
}
