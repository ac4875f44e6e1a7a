package org.communityschools.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.communityschools.examples.cli.Main;
import org.communityschools.privacy.policy.Policies;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code serve} command's defaults and its {@code --policy}. */
class ServeCommandTest {
    private static Path policy(String name) throws URISyntaxException {
        return Path.of(ServeCommandTest.class.getResource("/org/communityschools/examples/policies/" + name).toURI());
    }

    @Test
    void theDashboardDecidesByThePolicyGivenOrTheDefault() throws URISyntaxException {
        ServeCommand given = new ServeCommand();
        new CommandLine(given).parseArgs("--policy", policy("identity-only.yaml").toString());
        ServeCommand none = new ServeCommand();
        new CommandLine(none).parseArgs();

        assertThat(given.policy.policy().id()).isEqualTo("identity-only");
        assertThat(given.policy.policy().rules()).extracting(r -> r.id()).containsExactly("teacher-identity-only");
        assertThat(none.policy.policy()).isSameAs(Policies.defaultPolicy());
    }

    @Test
    void aNonLoopbackAddressIsRefusedBeforeAnyCityIsGenerated() {
        // the sign-in is a demo staff picker: it must never be served to the network
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"serve", "--demo-sign-in", "--port", "0", "--bind", "0.0.0.0"}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("--bind must be a loopback address").doesNotContain("Generating")
                .doesNotContain("Exception");
        assertThat(Dashboard.isLoopback("127.0.0.1")).isTrue();
        assertThat(Dashboard.isLoopback("::1")).isTrue();
        assertThat(Dashboard.isLoopback("0.0.0.0")).isFalse();
    }

    @Test
    void anOpenIdConnectProviderNeedsAClientIdAndTheDemoIsNotCombinedWithIt() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"serve", "--port", "0", "--oidc-issuer", "https://login.district.example/realms/staff"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("--oidc-issuer needs --oidc-client-id").doesNotContain("Generating");
        StringWriter err2 = new StringWriter();
        int both = Main.run(new String[] {"serve", "--demo-sign-in", "--oidc-issuer", "https://login.district.example/realms/staff"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true));
        assertThat(both).isNotZero();
        assertThat(err2.toString()).contains("choose how people sign in");
    }

    @Test
    void sessionTimeoutsOutOfRangeAreRefusedBeforeAnyWork() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"serve", "--demo-sign-in", "--port", "0", "--session-idle", "PT10S"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("the idle timeout must be from PT1M to PT24H, was PT10S").doesNotContain("Generating");
    }

    @Test
    void withoutAWayOfSigningInServeRefusesToStart() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"serve", "--port", "0"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("--oidc-issuer").contains("--demo-sign-in").doesNotContain("Generating");
    }

    @Test
    void anInvalidPolicyIsRefusedWithALocatedLineBeforeAnyCityIsGenerated() throws URISyntaxException {
        Path file = policy("forbid-with-empty-purposes.yaml");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(new String[] {"serve", "--demo-sign-in", "--port", "0", "--policy", file.toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly(file + ":18:15: forbid-purposes-empty: a forbid rule lists at "
                + "least one purpose, or leaves 'purposes' out to apply to every purpose; an empty list reads as 'no "
                + "purpose' but would forbid for every purpose (at /rules/1/purposes)");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void theDefaultDateIsMarchFirstOfTheYearOfTheLastInstructionalDayNotOfALaterYearTheDataOnlyName() {
        TestCity city = TestCity.get();
        // The synthetic city's last school year with instruction is 2017-18 (the generator's default years).
        assertThat(city.data.schoolYears().last().endYear()).isGreaterThanOrEqualTo(2018);
        assertThat(ServeCommand.defaultToday(city.data)).isEqualTo(TestCity.TODAY);
    }

    @Test
    void aJournalThatAlreadyHoldsASnapshotIsNotServedTogetherWithDataAndUnknownSuppressionRulesAreRefused(@org.junit.jupiter.api.io.TempDir Path tmp) {
        TestCity city = TestCity.get();
        Path journal = tmp.resolve("journal");
        org.communityschools.core.live.LiveDistrict.builder().journal(journal).data(city.data).build().close();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(new String[] {"serve", "--demo-sign-in", "--port", "0", "--data", city.dir.toString(), "--journal", journal.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("already holds a snapshot").doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();

        StringWriter err2 = new StringWriter();
        int bad = Main.run(new String[] {"serve", "--demo-sign-in", "--port", "0", "--suppress", "k-anonymous"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err2, true));
        assertThat(bad).isNotZero();
        assertThat(err2.toString()).contains("k-anonymous").doesNotContain("Generating");
    }
}
