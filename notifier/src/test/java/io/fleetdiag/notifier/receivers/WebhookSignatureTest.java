package io.fleetdiag.notifier.receivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void eachSignatureIsTheHmacOfItsOwnMessageHoweverManyCameBefore() throws Exception {
        WebhookSignature signature = new WebhookSignature("hook", SECRET);

        String first = signature.sign("msg_1", 1_796_500_000L, "{\"a\":1}");
        String second = signature.sign("msg_2", 1_796_500_001L, "{\"b\":2}");

        assertThat(first).isEqualTo(expected("msg_1.1796500000.{\"a\":1}"));
        assertThat(second).isEqualTo(expected("msg_2.1796500001.{\"b\":2}"));
        assertThat(signature.sign("msg_1", 1_796_500_000L, "{\"a\":1}")).isEqualTo(first);
        assertThat(signature).hasToString("WebhookSignature(****)");
    }

    /** Computed as a receiver library does, independently of the class under test. */
    private static String expected(String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
