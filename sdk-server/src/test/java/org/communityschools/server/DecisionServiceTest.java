package org.communityschools.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.net.URI;
import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.junit.jupiter.api.Test;

/** Building, starting and mounting the service. */
class DecisionServiceTest {
    private static DecisionService.Builder complete(Identity identity) {
        return DecisionService.builder().engine(Fixture.ENGINE).districtData(Fixture.DATA)
                .disclosureLog(DisclosureLogs.inMemory()).identity(identity);
    }

    private static Identity provider() {
        return Identity.builder().issuer("https://idp.district.invalid").audience("community-schools-api")
                .jwksUri(URI.create("https://idp.district.invalid/jwks")).build();
    }

    @Test
    void buildNamesEveryMissingSetting() {
        assertThatThrownBy(() -> DecisionService.builder().engine(Fixture.ENGINE).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("districtData(...)").hasMessageContaining("disclosureLog(...)")
                .hasMessageContaining("identity(...)");
    }

    @Test
    void eachSettingIsSetOnce() {
        assertThatThrownBy(() -> DecisionService.builder().pageSize(10).pageSize(20))
                .isInstanceOf(IllegalStateException.class).hasMessage("pageSize is already set; set each setting once");
    }

    @Test
    void anIdentityNeedsIssuerAudienceAndKeysAndAllowsOnlyAsymmetricAlgorithms() {
        assertThatThrownBy(() -> Identity.builder().issuer("https://idp").build())
                .hasMessage("an identity provider configuration needs audience(...), jwksUri(...)");
        assertThatThrownBy(() -> Identity.builder().algorithms("none"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asymmetric signatures only");
        assertThatThrownBy(() -> Identity.builder().algorithms("HS256"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Identity.builder().jwksUri(URI.create("http://idp.district.invalid/jwks")))
                .hasMessageContaining("must use https");
    }

    @Test
    void theInsecureDemoRefusesToListenBeyondLoopback() {
        DecisionService demo = complete(Identity.insecureDemo()).build();

        assertThatThrownBy(() -> demo.start("0.0.0.0", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listens only on a loopback address");
    }

    @Test
    void theInsecureDemoCannotBeMounted() {
        DecisionService demo = complete(Identity.insecureDemo()).build();

        assertThatThrownBy(() -> Javalin.create(demo::registerOn)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theInsecureDemoSaysSoInEveryResponse() {
        try (RunningService s = complete(Identity.insecureDemo()).build().start("127.0.0.1", 0)) {
            assertThat(Fixture.get(s.uri(), "/.well-known/authzen-configuration").header("X-Insecure-Demo")).startsWith("true");
        }
    }

    @Test
    void mountedIntoAHostApplicationTheRoutesServeBesideTheHostsOwn() {
        DecisionService service = complete(provider()).publicUri(URI.create("https://pdp.district.invalid")).build();
        Javalin host = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/hello", ctx -> ctx.result("host"));
            service.registerOn(config);
        }).start("127.0.0.1", 0);
        try {
            URI base = URI.create("http://127.0.0.1:" + host.port());

            Fixture.Reply hello = Fixture.get(base, "/hello");
            Fixture.Reply metadata = Fixture.get(base, "/.well-known/authzen-configuration");
            Fixture.Reply unauthenticated = Fixture.post(base, "/access/v1/evaluation", "{}");

            assertThat(hello.body()).isEqualTo("host");
            assertThat(metadata.json().get("policy_decision_point").stringValue()).isEqualTo("https://pdp.district.invalid");
            Schemas.assertValid(Schemas.METADATA, metadata.json());
            assertThat(unauthenticated.status()).isEqualTo(401);
        } finally {
            host.stop();
        }
    }
}
