package io.fleetdiag.service.http;

/**
 * A route that keeps its answer open and writes to it over time (Server-Sent Events). {@link #open}
 * returns at once; the stream stays open until the route or the client closes it.
 */
@FunctionalInterface
public interface StreamRoute {

    void open(HttpCall call, EventStream stream) throws Exception;
}
