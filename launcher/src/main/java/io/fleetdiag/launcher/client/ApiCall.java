package io.fleetdiag.launcher.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdiag.service.ConfigurationException;
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
                String error = json.path("error").asText(answer.body());
                System.err.println("fleetdiag: " + error + " (HTTP " + answer.statusCode() + ")");
                return 1;
            }
            System.out.println(success.apply(json));
            return 0;
        } catch (ConfigurationException e) {
            System.err.println("fleetdiag: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("fleetdiag: " + e.getMessage());
            return 1;
        }
    }
}
