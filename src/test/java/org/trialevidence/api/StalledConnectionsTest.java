package org.trialevidence.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connections that stall in the middle of their headers (a slowloris attack, or a client that hung) are closed by the
 * server within the configured idle timeout, and while they are open the service still answers others. Loopback only.
 */
@QuarkusTest
class StalledConnectionsTest {
    private static final int STALLED = 100;
    private static final Duration MARGIN = Duration.ofSeconds(5);

    @TestHTTPResource("/")
    URL base;

    @Test
    void connectionsStalledInTheirHeadersAreClosedWithinTheIdleTimeout() throws IOException {
        Duration idleTimeout = ConfigProvider.getConfig().getValue("quarkus.http.idle-timeout", Duration.class);
        List<Socket> sockets = new ArrayList<>();
        try {
            long start = System.nanoTime();
            for (int i = 0; i < STALLED; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort());
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/v1/dataset HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Stalled-" + i + ": ").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sockets.add(socket);
            }
            given().get("/api/v1/dataset").then().statusCode(200);

            long deadline = start + idleTimeout.plus(MARGIN).toNanos();
            long firstClosed = Long.MAX_VALUE;
            int closed = 0;
            for (Socket socket : sockets) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                socket.setSoTimeout((int) left);
                try {
                    int read = socket.getInputStream().read();
                    assertEquals(-1, read, "the server answered a request whose headers never ended");
                } catch (SocketTimeoutException stillOpen) {
                    continue;
                } catch (IOException reset) {
                    // A reset is a close too.
                }
                closed++;
                firstClosed = Math.min(firstClosed, System.nanoTime() - start);
            }
            assertEquals(STALLED, closed, "stalled connections still open " + idleTimeout.plus(MARGIN).toSeconds() + " s after they stalled");
            assertTrue(Duration.ofNanos(firstClosed).compareTo(idleTimeout.dividedBy(2)) >= 0,
                    "closed after " + Duration.ofNanos(firstClosed).toMillis() + " ms: not by the idle timeout of " + idleTimeout);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
