package org.trialevidence.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The version of the dataset the database holds. */
@ApplicationScoped
public class DatasetService {

    @Transactional
    public String version() {
        return DatasetState.current().version;
    }
}
