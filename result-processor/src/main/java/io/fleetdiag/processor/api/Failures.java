package io.fleetdiag.processor.api;

import io.fleetdiag.service.http.HttpCall;
import io.fleetdiag.service.http.Reply;
import io.fleetdiag.service.http.Route;

/** The one place a {@link QueryException} becomes an HTTP status. */
final class Failures {

    /** A query that answers or throws a {@link QueryException}. */
    @FunctionalInterface
    interface Query {
        Reply answer(HttpCall call) throws QueryException, Exception;
    }

    private Failures() {
    }

    /** {@code query} as a route handler: its typed failures answered with their status. */
    static Route.Handler mapped(Query query) {
        return call -> {
            try {
                return query.answer(call);
            } catch (QueryException e) {
                return reply(e);
            }
        };
    }

    static Reply reply(QueryException failure) {
        int status;
        if (failure instanceof QueryException.BadRequest) {
            status = 400;
        } else if (failure instanceof QueryException.Forbidden) {
            status = 403;
        } else if (failure instanceof QueryException.NotFound) {
            status = 404;
        } else if (failure instanceof QueryException.Conflict) {
            status = 409;
        } else {
            status = 503;
        }
        return Reply.error(status, failure.getMessage());
    }

    /** The failure another instance answered with, as the same kind here. */
    static QueryException of(int status, String message) {
        return switch (status) {
            case 400 -> new QueryException.BadRequest(message);
            case 403 -> new QueryException.Forbidden(message);
            case 404 -> new QueryException.NotFound(message);
            case 409 -> new QueryException.Conflict(message);
            default -> new QueryException.Unavailable(status == 503 ? message : "Another instance could not answer; ask again in a moment");
        };
    }
}
