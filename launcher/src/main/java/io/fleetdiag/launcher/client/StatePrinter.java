package io.fleetdiag.launcher.client;

import io.fleetdiag.service.ConfigurationException;
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
                System.err.println("fleetdiag: no " + what + " (fleetdiag has not seen it)");
                return 1;
            }
            if (answer.statusCode() != 200) {
                System.err.println("fleetdiag: the REST API answered " + answer.statusCode() + ": " + answer.body());
                return 1;
            }
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.MAPPER.readTree(answer.body())));
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
