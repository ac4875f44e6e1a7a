/**
 * Community Schools SDK: interoperability with the Ed-Fi Data Standard (XML interchange import). Exports only the API
 * package; {@code org.communityschools.interop.internal} is implementation.
 */
module org.communityschools.interop {
    requires transitive org.communityschools.core;
    requires java.xml;
    requires static org.jspecify;

    exports org.communityschools.interop;
}
