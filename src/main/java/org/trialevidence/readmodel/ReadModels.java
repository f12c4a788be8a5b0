package org.trialevidence.readmodel;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The read models of this process: each is kept in the data directory when the service stops, for the next start. */
@ApplicationScoped
public class ReadModels {
    private final List<ReadModel<?>> models = new CopyOnWriteArrayList<>();

    public void register(ReadModel<?> model) {
        models.add(model);
    }

    void onStop(@Observes ShutdownEvent stop) {
        models.forEach(ReadModel::keep);
    }

    /** Forgets every model held and starts each again as a new process does: from what is kept when it is of this database. */
    public void restart() {
        models.forEach(ReadModel::keep);
        models.forEach(ReadModel::forget);
    }
}
