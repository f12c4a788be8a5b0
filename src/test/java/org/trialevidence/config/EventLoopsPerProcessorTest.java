package org.trialevidence.config;

import io.netty.util.concurrent.MultithreadEventExecutorGroup;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service runs one event loop per processor, unless told otherwise. Quarkus alone would too, except on one
 * processor (it runs at least two), which a machine with more cannot show: the first test checks where the number
 * comes from.
 */
@QuarkusTest
class EventLoopsPerProcessorTest {
    @Inject
    Vertx vertx;

    @Test
    void theNumberOfEventLoopsComesFromTheProcessorCount() {
        ConfigValue loops = ConfigProvider.getConfig().getConfigValue(EventLoopsPerProcessor.EVENT_LOOPS);
        assertEquals(new EventLoopsPerProcessor().getName(), loops.getSourceName());
        assertEquals(Integer.toString(Runtime.getRuntime().availableProcessors()), loops.getValue());
    }

    @Test
    void theRunningServiceHasOneEventLoopPerProcessor() {
        int loops = ((MultithreadEventExecutorGroup) ((VertxInternal) vertx).getEventLoopGroup()).executorCount();
        assertEquals(Runtime.getRuntime().availableProcessors(), loops);
    }

    @Test
    void applicationPropertiesStillChooseTheNumber() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EventLoopsPerProcessor())
                .withSources(new PropertiesConfigSource(Map.of(EventLoopsPerProcessor.EVENT_LOOPS, "7"), "application.properties", 250))
                .build();
        assertEquals(7, config.getValue(EventLoopsPerProcessor.EVENT_LOOPS, Integer.class));
    }
}
