package io.fleetdiag.notifier.receivers;

import io.fleetdiag.service.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook as the Standard Webhooks spec says: the secret is {@code whsec_} and base64 of the key;
 * the signature is {@code v1,} and base64 of HMAC-SHA256 over {@code id.timestamp.body}.
 */
public final class WebhookSignature {

    private static final String PREFIX = "whsec_";
    /** Keyed once; a receiver's queue signs on its one thread, and sign is synchronized should that change. */
    private final Mac mac;

    /** @param secret {@code whsec_<base64>}; a wrong one is refused without being repeated in the message */
    public WebhookSignature(String receiver, String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new ConfigurationException("receiver " + receiver + ": the webhook secret must start with whsec_ followed by base64"
                    + " (Standard Webhooks), e.g. made with: echo whsec_$(head -c 32 /dev/urandom | base64)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("receiver " + receiver + ": the webhook secret after whsec_ is not base64");
        }
        if (bytes.length < 24 || bytes.length > 64) {
            throw new ConfigurationException("receiver " + receiver + ": the webhook secret must hold 24 to 64 bytes, not " + bytes.length);
        }
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The {@code webhook-signature} header's value. */
    public synchronized String sign(String id, long timestampSeconds, String body) {
        byte[] digest = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(digest);
    }

    @Override
    public String toString() {
        return "WebhookSignature(****)";
    }
}
