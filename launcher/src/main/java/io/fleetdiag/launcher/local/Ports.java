package io.fleetdiag.launcher.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Checks that the local run's ports are free before anything starts, so a clash is one clear line, not a stack trace. */
final class Ports {

    private Ports() {
    }

    static void requireFree(int port, String what, String option) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new LocalStartException("Port " + port + " for " + what + " is taken: stop whatever uses it (is another"
                    + " `fleetdiag local` running?) or choose another with " + option);
        }
    }

    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LocalStartException("No free local port: " + e.getMessage());
        }
    }
}
