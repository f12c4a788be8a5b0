package org.trialevidence.errors;

import io.quarkus.logging.Log;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Set;
import java.util.TreeSet;

/** Every error leaves as application/problem+json; nothing internal (stack trace, SQL) reaches the body. */
public class ProblemMappers {
    /** What every resource of the read API answers to, when the framework does not say. */
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** Seconds a client is asked to wait before it asks again for what is not available yet. */
    static final String RETRY_AFTER_SECONDS = "10";

    @ServerExceptionMapper
    public Response problem(ProblemException exception, UriInfo uri) {
        Response response = respond(exception.toProblem(uri.getPath()));
        return exception.status() == 503 ? Response.fromResponse(response).header("Retry-After", RETRY_AFTER_SECONDS).build() : response;
    }

    @ServerExceptionMapper
    public Response invalidRecord(InvalidRecordException exception, UriInfo uri) {
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(exception.toProblem(uri.getPath())).build();
    }

    /** Writers queue on the dataset row; one that waited too long is told to try again, not that the service broke. */
    @ServerExceptionMapper({jakarta.persistence.PessimisticLockException.class, jakarta.persistence.LockTimeoutException.class})
    public Response busy(RuntimeException exception, UriInfo uri) {
        Log.warn("Write gave up waiting for a lock on " + uri.getPath() + ": " + exception.getMessage());
        return Response.fromResponse(respond(new Problem(Problem.TYPE_BASE + "busy", "Busy", 503,
                "Other writes held the dataset for too long; nothing was changed. Try again.", uri.getPath(), null, null, null)))
                .header("Retry-After", "1").build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException exception, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "not-found", "Not found", 404,
                "No resource at " + uri.getPath() + "; the API is described at /q/openapi.", uri.getPath(), null, null, null));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException exception, UriInfo uri) {
        Set<String> allowed = exception.getResponse().getAllowedMethods().isEmpty() ? READ_METHODS : exception.getResponse().getAllowedMethods();
        Response problem = respond(new Problem(Problem.TYPE_BASE + "method-not-allowed", "Method not allowed", 405,
                "Allowed methods here: " + String.join(", ", new TreeSet<>(allowed)) + ".", uri.getPath(), null, null, null));
        return Response.fromResponse(problem).allow(allowed).build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException exception, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "not-acceptable", "Not acceptable", 406,
                "This resource cannot answer in the media type the Accept header asks for; its media types are listed in /q/openapi.", uri.getPath(), "Accept", null, null));
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException exception, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "unsupported-media-type", "Unsupported media type", 415,
                "This resource takes no request body of that type.", uri.getPath(), "Content-Type", null, null));
    }

    @ServerExceptionMapper
    public Response otherHttpError(WebApplicationException exception, UriInfo uri) {
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(exception, uri);
        }
        return respond(new Problem(Problem.TYPE_BASE + "http-" + status, Response.Status.fromStatusCode(status) == null
                ? "HTTP " + status : Response.Status.fromStatusCode(status).getReasonPhrase(), status,
                "The request could not be served as sent.", uri.getPath(), null, null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable exception, UriInfo uri) {
        Log.error("Unexpected failure serving " + uri.getPath(), exception);
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "The service failed to answer this request; it has been logged.", uri.getPath(), null, null, null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
