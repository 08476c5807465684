package io.fleetdiag.service.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One open Server-Sent Events answer. Sending never blocks: chunks wait in a short queue and are
 * written one after the other; a client that falls {@link #MAX_PENDING} chunks behind is dropped
 * rather than buffered forever, as is one whose connection fails.
 */
public final class EventStream {

    /** Chunks a client may fall behind before it is dropped. */
    public static final int MAX_PENDING = 256;

    private final Response response;
    private final Callback done;
    private final int maxPending;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private final List<Runnable> onClose = new ArrayList<>();
    private boolean writing;
    private boolean closed;

    EventStream(Response response, Callback done, int maxPending) {
        this.response = response;
        this.done = done;
        this.maxPending = maxPending;
    }

    /** Sends {@code event: name} with {@code data} (one {@code data:} line per line); false once the stream is closed. */
    public boolean send(String event, String data) {
        StringBuilder chunk = new StringBuilder("event: ").append(event).append('\n');
        data.lines().forEach(line -> chunk.append("data: ").append(line).append('\n'));
        return enqueue(chunk.append('\n').toString());
    }

    /** A comment line, which clients ignore: keeps the connection from idling out. */
    public boolean comment(String text) {
        return enqueue(": " + text + "\n\n");
    }

    public synchronized boolean isOpen() {
        return !closed;
    }

    /** Runs {@code action} once the stream is closed, by either side (at once if it already is). */
    public void whenClosed(Runnable action) {
        synchronized (this) {
            if (!closed) {
                onClose.add(action);
                return;
            }
        }
        action.run();
    }

    /** Ends the stream: the connection is closed and queued chunks are dropped. */
    public void close() {
        end(new IOException("event stream closed"));
    }

    private boolean enqueue(String chunk) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (pending.size() < maxPending) {
                pending.add(ByteBuffer.wrap(chunk.getBytes(StandardCharsets.UTF_8)));
                if (!writing) {
                    writeNext();
                }
                return true;
            }
        }
        end(new IOException("client fell " + maxPending + " events behind; dropped"));
        return false;
    }

    // called holding the lock; Jetty may complete the write at once, on this thread, which re-enters here
    private void writeNext() {
        ByteBuffer next = pending.poll();
        writing = next != null;
        if (next != null) {
            response.write(false, next, Callback.from(this::written, this::end));
        }
    }

    private void written() {
        synchronized (this) {
            if (!closed) {
                writeNext();
            }
        }
    }

    private void end(Throwable cause) {
        List<Runnable> actions;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending.clear();
            actions = List.copyOf(onClose);
            onClose.clear();
        }
        done.failed(cause);
        actions.forEach(Runnable::run);
    }
}
