package io.fleetdiag.testsupport.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports, for the parts that must be told theirs before they start. */
public final class FreePorts {

    private FreePorts() {
    }

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }

    /** A port whose next one is free too: a KRaft broker takes its port and the next for its controller. */
    public static int pair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = next();
            try (ServerSocket following = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("No two adjacent free local ports"));
    }
}
