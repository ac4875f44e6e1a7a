package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.communityschools.core.synth.Preset;
import org.communityschools.core.synth.SyntheticCity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code api}: the decision service refuses to run unauthenticated except as a loopback-only demo. */
class ApiCommandTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() {
        SyntheticCity.builder().preset(Preset.TINY).seed(4).build().writeTo(dir);
    }

    @Test
    void refusesToRunWithoutAnIdentityProvider() {
        Cli.Run run = Cli.run("api", "--data", dir.toString(), "--port", "0");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("the service needs an identity provider: --issuer, --audience and --jwks-uri");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void refusesAnIncompleteIdentityProvider() {
        Cli.Run run = Cli.run("api", "--data", dir.toString(), "--port", "0", "--issuer", "https://idp.district.invalid");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("needs an identity provider");
    }

    @Test
    void refusesAChangeScopeForTheInsecureDemo() {
        Cli.Run run = Cli.run("api", "--data", dir.toString(), "--port", "0", "--insecure-demo", "--change-scope", "x");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("--insecure-demo authenticates nobody");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void refusesTheInsecureDemoBeyondLoopback() {
        Cli.Run run = Cli.run("api", "--data", dir.toString(), "--port", "0", "--insecure-demo", "--bind", "0.0.0.0");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("listens only on a loopback address");
        assertThat(run.out()).isEmpty();
    }
}
