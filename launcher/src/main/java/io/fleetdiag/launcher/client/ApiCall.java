package io.fleetdiag.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.service.Json;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Function;

/** One REST call of an operator command: prints what the command makes of a 2xx answer, or the API's error in one line. */
final class ApiCall {

    private ApiCall() {
    }

    static int run(ClientOptions client, String method, String path, Map<String, Object> body, Function<JsonNode, String> success) {
        try {
            HttpResponse<String> answer = client.send(method, path, body == null ? null : Json.write(body));
            JsonNode json = answer.body().isBlank() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(answer.body());
            if (answer.statusCode() / 100 != 2) {
                return Failure.print(json.path("error").asText(answer.body()) + " (HTTP " + answer.statusCode() + ")");
            }
            System.out.println(success.apply(json));
            return 0;
        } catch (Exception e) {
            return Failure.print(e.getMessage());
        }
    }
}
