package org.trialevidence.overview;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/dataset")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dataset", description = "Version, counts and the source reviews")
public class DatasetResource {
    @Inject
    DatasetOverview overview;

    @GET
    @Operation(operationId = "getDataset", summary = "Dataset version, counts and sources",
            description = "The dataset version (it changes with every curated write), counts of trials, results and arms, the study types, and the "
                    + "source reviews.")
    public DatasetView dataset() {
        return overview.read();
    }
}
