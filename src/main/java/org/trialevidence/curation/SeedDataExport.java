package org.trialevidence.curation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trialevidence.dataset.DatasetService;
import org.trialevidence.dataset.DatasetState;
import org.trialevidence.dataset.Review;
import org.trialevidence.seeding.TrialValidation;
import org.trialevidence.store.RecordStore;
import org.trialevidence.store.TrialDocuments;
import org.trialevidence.store.TrialRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The database written back in the seed-data layout ({@code sources.json}, {@code trials/<id>.json}, files laid
 * out as curators write them), so that changes made through the API can be reviewed and committed; the texts of
 * sources registered through the API go under {@code reviews/}, for the reviews directory. Deleted trials
 * and results are left out. Writes wait while an export runs, so the archive is one version of the dataset.
 */
@ApplicationScoped
public class SeedDataExport {
    private static final int CHUNK = 200;

    @Inject
    RecordStore store;

    /** Writes the archive; returns the dataset version it holds. */
    public String write(OutputStream output) {
        return QuarkusTransaction.requiringNew().timeout(DatasetService.LONG_TRANSACTION_SECONDS).call(() -> {
            DatasetState state = DatasetState.lockForWrite();
            try (ZipOutputStream zip = new ZipOutputStream(output, StandardCharsets.UTF_8)) {
                entry(zip, "sources.json", TrialDocuments.seedFile(sources()));
                // Sources registered through the API carry their text; it belongs in the reviews directory.
                for (Review registered : Review.registered()) {
                    entry(zip, "reviews/" + registered.document, registered.sourceText);
                }
                List<String> ids = store.servedTrialIds();
                for (int from = 0; from < ids.size(); from += CHUNK) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                    Map<String, List<String>> results = store.servedResultDocuments(chunk);
                    for (TrialRecord trial : store.records(chunk)) {
                        entry(zip, "trials/" + trial.id + ".json",
                                TrialDocuments.seedFile(TrialDocuments.whole(trial.document, results.getOrDefault(trial.id, List.of()))));
                    }
                    store.forgetRead();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return state.version;
        });
    }

    private ArrayNode sources() {
        ArrayNode sources = TrialValidation.MAPPER.createArrayNode();
        Review.inOrder().forEach(review -> {
            ObjectNode source = sources.addObject();
            source.put("document", review.document);
            source.put("title", review.title);
            source.put("citation", review.citation);
        });
        return sources;
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
