package io.fleetdiag.service.http;

/** Answers the requests under one path. */
@FunctionalInterface
public interface Route {

    Reply handle(HttpCall call) throws Exception;
}
