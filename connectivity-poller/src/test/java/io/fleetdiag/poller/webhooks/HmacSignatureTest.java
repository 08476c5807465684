package io.fleetdiag.poller.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSignatureTest {

    private static final String KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
    private static final String BODY = """
            {"uniqueTerminalId":"V400m-324688179","pspReference":"GRC3GF8HJ5KGZH65","eventDate":"2026-12-05T21:40:00+01:00",\
            "assignedToAccount":"AcmeRetail_EU","assignedToStoreId":"ST322LJ223223K5F4SQNR9XL5"}""";

    /** Computed here the way Adyen documents it, not with the class under test. */
    static String sign(String hexKey, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(hexKey), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void acceptsTheSignatureOfTheRawBody() throws Exception {
        assertThat(new HmacSignature(KEY).refusal(BODY, sign(KEY, BODY))).isEmpty();
        assertThat(new HmacSignature(KEY.toLowerCase()).refusal(BODY, sign(KEY, BODY))).isEmpty();
    }

    @Test
    void refusesAMissingSignature() {
        assertThat(new HmacSignature(KEY).refusal(BODY, null)).hasValueSatisfying(reason -> assertThat(reason).contains("No HmacSignature"));
        assertThat(new HmacSignature(KEY).refusal(BODY, " ")).hasValueSatisfying(reason -> assertThat(reason).contains("No HmacSignature"));
    }

    @Test
    void refusesASignatureThatIsNotBase64() {
        assertThat(new HmacSignature(KEY).refusal(BODY, "not*base64")).hasValueSatisfying(reason -> assertThat(reason).contains("not base64"));
    }

    @Test
    void refusesAnotherKeysSignatureAndAChangedBody() throws Exception {
        String otherKey = "00" + KEY.substring(2);
        assertThat(new HmacSignature(KEY).refusal(BODY, sign(otherKey, BODY)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("does not match"));
        assertThat(new HmacSignature(KEY).refusal(BODY.replace("AcmeRetail_EU", "Mallory"), sign(KEY, BODY)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("does not match"));
    }

    @Test
    void theKeyMustBeHex() {
        assertThatThrownBy(() -> new HmacSignature("not-hex")).hasMessageContaining("not hexadecimal");
        assertThatThrownBy(() -> new HmacSignature("")).hasMessageContaining("empty");
    }
}
