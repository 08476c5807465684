package io.fleetdiag.poller.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Adyen's signature of its Management webhooks: the {@code HmacSignature} header holds the base64 of HMAC-SHA256 over the raw
 * request body, keyed with the webhook's HMAC key (hex, as the Customer Area shows it) decoded to bytes. Compared in constant time.
 */
final class HmacSignature {

    static final String HEADER = "hmacsignature";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    HmacSignature(String hexKey) {
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(hexKey.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The webhook HMAC key is not hexadecimal");
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("The webhook HMAC key is empty");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** Empty when {@code header} is the signature of {@code body}; otherwise why not, for the 401. */
    Optional<String> refusal(String body, String header) {
        if (header == null || header.isBlank()) {
            return Optional.of("No HmacSignature header: Management webhooks must be signed with the webhook's HMAC key");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("The HmacSignature header is not base64");
        }
        if (!MessageDigest.isEqual(given, sign(body.getBytes(StandardCharsets.UTF_8)))) {
            return Optional.of("The HmacSignature does not match the body: wrong HMAC key, or the body was changed");
        }
        return Optional.empty();
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
