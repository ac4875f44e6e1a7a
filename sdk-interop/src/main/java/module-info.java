/**
 * Community Schools SDK: interoperability with the Ed-Fi Data Standard (XML interchange and ODS/API JSON import, JSON
 * export) and OneRoster 1.1/1.2 CSV rosters (import). Exports only the API
 * package; {@code org.communityschools.interop.internal} is implementation.
 */
module org.communityschools.interop {
    requires transitive org.communityschools.core;
    requires java.xml;
    requires tools.jackson.core;
    requires static org.jspecify;

    exports org.communityschools.interop;
}
