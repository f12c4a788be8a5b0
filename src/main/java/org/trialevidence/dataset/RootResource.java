package org.trialevidence.dataset;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;

@Path("/")
public class RootResource {
    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create("/q/swagger-ui")).build();
    }
}
