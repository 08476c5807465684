package io.fleetdiag.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON examples of Adyen's reference pages, as test fixtures (resources under {@code reference/}). */
public final class ReferenceExamples {

    public static final String DIAGNOSIS_REQUEST = "diagnosis-request.json";
    public static final String DIAGNOSIS_REQUEST_HOST = "diagnosis-request-host.json";
    public static final String DIAGNOSIS_REQUEST_MOBILE = "diagnosis-request-mobile.json";
    public static final String DIAGNOSIS_RESPONSE_BATTERY = "diagnosis-response-battery.json";
    public static final String DIAGNOSIS_RESPONSE_P2PE = "diagnosis-response-p2pe.json";
    public static final String DIAGNOSIS_RESPONSE_HOST_REACHED = "diagnosis-response-host-reached.json";
    public static final String DIAGNOSIS_RESPONSE_MOBILE = "diagnosis-response-mobile.json";
    public static final String DIAGNOSIS_RESPONSE_BUSY = "diagnosis-response-busy.json";
    public static final String CONNECTED_REQUEST_MERCHANT = "connected-terminals-request-merchant.json";
    public static final String CONNECTED_REQUEST_STORE = "connected-terminals-request-store.json";
    public static final String CONNECTED_REQUEST_TERMINAL = "connected-terminals-request-terminal.json";
    public static final String CONNECTED_RESPONSE = "connected-terminals-response.json";

    private ReferenceExamples() {
    }

    public static String read(String name) {
        try (InputStream in = ReferenceExamples.class.getResourceAsStream("/reference/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No reference example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
