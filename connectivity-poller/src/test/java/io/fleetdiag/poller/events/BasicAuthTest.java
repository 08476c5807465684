package io.fleetdiag.poller.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicAuthTest {

    private final BasicAuth auth = new BasicAuth("store-events", "pa:ss");

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theEventUrlsCredentialsPassAndEachWrongOneIsNamed() {
        assertThat(auth.refusal(basic("store-events:pa:ss"))).isEmpty();
        assertThat(auth.refusal("basic " + basic("store-events:pa:ss").substring(6))).isEmpty();
        assertThat(auth.refusal(null)).hasValueSatisfying(reason -> assertThat(reason).contains("No credentials"));
        assertThat(auth.refusal("Bearer abc")).hasValueSatisfying(reason -> assertThat(reason).contains("Only basic auth"));
        assertThat(auth.refusal("Basic %%%")).hasValueSatisfying(reason -> assertThat(reason).contains("not valid Base64"));
        assertThat(auth.refusal(basic("store-events:pa"))).hasValueSatisfying(reason -> assertThat(reason).contains("Wrong username or password"));
        assertThat(auth.refusal(basic("other:pa:ss"))).hasValueSatisfying(reason -> assertThat(reason).doesNotContain("store-events"));
    }
}
