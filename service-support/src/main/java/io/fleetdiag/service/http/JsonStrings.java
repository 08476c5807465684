package io.fleetdiag.service.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

final class JsonStrings {

    private JsonStrings() {
    }

    static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text == null ? "" : text)) + "\"";
    }
}
