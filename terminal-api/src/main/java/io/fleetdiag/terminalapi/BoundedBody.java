package io.fleetdiag.terminalapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body as text, read up to a bound: an endpoint (or anything between) that sends more,
 * announced or not, fails the call with {@link TooLarge} as soon as the bound is passed, instead of
 * filling the heap. Adyen's answers are a few KiB; a connected-terminal list of a very large account a
 * few MiB.
 */
public final class BoundedBody {

    /** The largest answer read. */
    public static final int MAX_ANSWER = 8 * 1024 * 1024;

    private BoundedBody() {
    }

    /** An answer over the bound: the call's result says so, and it is not asked again as if nothing came. */
    public static final class TooLarge extends IOException {
        private final int status;

        TooLarge(int status, long limit) {
            super("the answer (HTTP " + status + ") is larger than " + limit / (1024 * 1024) + " MiB; not read");
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** The {@link TooLarge} a failed call carries, if that is why it failed. */
        public static Optional<TooLarge> in(Throwable error) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof TooLarge tooLarge) {
                    return Optional.of(tooLarge);
                }
            }
            return Optional.empty();
        }
    }

    /** UTF-8 text of at most {@link #MAX_ANSWER} bytes. */
    public static HttpResponse.BodyHandler<String> ofString() {
        return ofString(MAX_ANSWER);
    }

    static HttpResponse.BodyHandler<String> ofString(int limit) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new Subscriber(info.statusCode(), limit, declared > limit);
        };
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<String> {
        private final int status;
        private final long limit;
        /** A Content-Length over the limit: nothing is read. */
        private final boolean refuseAtOnce;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Subscriber(int status, long limit, boolean refuseAtOnce) {
            this.status = status;
            this.limit = limit;
            this.refuseAtOnce = refuseAtOnce;
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (refuseAtOnce) {
                tooLarge();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > limit) {
                    tooLarge();
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toString(StandardCharsets.UTF_8));
        }

        private void tooLarge() {
            subscription.cancel();
            bytes.reset();
            body.completeExceptionally(new TooLarge(status, limit));
        }
    }
}
