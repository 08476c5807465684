package io.fleetdiag.testsupport;

import java.util.ArrayList;
import java.util.List;

/** What a test started, closed in reverse order when the test ends. */
public final class Closer implements AutoCloseable {

    private final List<AutoCloseable> resources = new ArrayList<>();

    public <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    /** For a resource the test closed itself, e.g. to stop a service mid-test. */
    public void forget(AutoCloseable resource) {
        resources.remove(resource);
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        resources.clear();
        if (first != null) {
            throw first;
        }
    }
}
