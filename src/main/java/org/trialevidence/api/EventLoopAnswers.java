package org.trialevidence.api;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Answers a read on the event loop when it only reads memory, and on a worker thread when it may block (the read
 * models are being rebuilt, the dataset version is due to be read again from the database, a record is not kept,
 * a CSV answer is written). Quarkus REST runs a method returning a Uni on the event loop; handing a read that never
 * blocks to a worker costs two thread switches per request, which on a busy core was most of its time.
 */
public final class EventLoopAnswers {
    private EventLoopAnswers() {
    }

    /** The answer, computed here when nothing in it blocks, else on a worker thread. */
    public static <T> Uni<T> answer(boolean blocksNot, Supplier<T> answer) {
        if (!blocksNot) {
            return Uni.createFrom().item(answer).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        // Computed here, on the event loop, failing as the supplier would have: a supplier handed to Mutiny is
        // wrapped for context propagation on every request, a tenth of a cached answer's time.
        try {
            return Uni.createFrom().item(answer.get());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /**
     * As {@link #answer}, for a response whose body may be streamed: Quarkus REST writes the body of a Uni's answer
     * on the event loop, where a body that reads the database (CSV rows of a large dataset) must not run, so on
     * the worker a streamed body is written out in full before the answer is handed back.
     */
    public static Uni<Response> respond(boolean blocksNot, Supplier<Response> answer) {
        return blocksNot ? answer(true, answer) : answer(false, () -> written(answer.get()));
    }

    private static Response written(Response response) {
        if (!(response.getEntity() instanceof StreamingOutput body)) {
            return response;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            body.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.fromResponse(response).entity(bytes.toByteArray()).build();
    }
}
