package org.trialevidence.config;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Set;

/**
 * One Vert.x event loop per processor the JVM may use, even when that is one: Quarkus runs one per processor but at
 * least two, so on one processor (a container limited to one CPU, or the service pinned to a core as bench/run pins
 * it) two loops take turns on it. Hot reads are answered on the event loop from memory and never block
 * (api.EventLoopAnswers sends what may block to a worker), so the second loop adds no throughput: a request only
 * waits out the other loop's time slice. Pinned to one core (docs/benchmarks.md, session 12), one loop served the
 * same requests per second as two and cut the p99 of a cached query from 6 ms to 2-3 ms.
 * <p>
 * The processor count is read when the service starts, so it is the one of the machine (or CPU set) it runs on, not
 * of the build. Ordinal 100, below application.properties (250), environment variables (300) and system properties
 * (400): {@code quarkus.vertx.event-loops-pool-size} set in any of those wins.
 */
public class EventLoopsPerProcessor implements ConfigSource {
    static final String EVENT_LOOPS = "quarkus.vertx.event-loops-pool-size";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(EVENT_LOOPS);
    }

    @Override
    public String getValue(String propertyName) {
        return EVENT_LOOPS.equals(propertyName) ? Integer.toString(Runtime.getRuntime().availableProcessors()) : null;
    }

    @Override
    public String getName() {
        return "one event loop per processor";
    }

    @Override
    public int getOrdinal() {
        return 100;
    }
}
