/**
 * A vendor's tool built on the Community Schools SDK, the way docs/embedding.md describes it: it requires the SDK's
 * modules by name and nothing of their implementation.
 */
module org.communityschools.it.vendor {
    requires org.communityschools.privacy;
    requires org.communityschools.metrics;
}
