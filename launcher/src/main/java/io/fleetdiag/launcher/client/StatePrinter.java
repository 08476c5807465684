package io.fleetdiag.launcher.client;

import io.fleetdiag.service.Json;
import java.net.http.HttpResponse;

/** Prints what the REST API answers for one key, pretty, or says in one line why it cannot. */
final class StatePrinter {

    private StatePrinter() {
    }

    static int print(ClientOptions client, String path, String what) {
        try {
            HttpResponse<String> answer = client.get(path);
            if (answer.statusCode() == 404) {
                return Failure.print("no " + what + " (fleetdiag has not seen it)");
            }
            if (answer.statusCode() != 200) {
                return Failure.print("the REST API answered " + answer.statusCode() + ": " + answer.body());
            }
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.MAPPER.readTree(answer.body())));
            return 0;
        } catch (Exception e) {
            return Failure.print(e.getMessage());
        }
    }
}
