package org.trialevidence.readmodel;

import org.trialevidence.entity.Trial;
import org.trialevidence.index.SharedValues;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A model of blocks of rows made from the trials seeding writes, on the seeding threads: each trial's block is made
 * on the thread that wrote the trial, then its rows take the values they share with the other rows under a lock
 * ({@link SharedValues} is not thread-safe). The blocks are put in their order when the model is built.
 */
public final class BlocksFromSeeding<R, M> implements ReadModel.FromSeeding<M> {
    /** Makes the model of a version from its blocks. */
    public interface Model<R, M> {
        M of(TrialBlocks<R> blocks, String version);
    }

    private final Function<Trial, TrialBlocks.Block<R>> blockOf;
    private final BiFunction<R, SharedValues, R> sharing;
    private final Model<R, M> model;
    private final List<TrialBlocks.Block<R>> blocks = new ArrayList<>();
    private final SharedValues shared = new SharedValues();

    public BlocksFromSeeding(Function<Trial, TrialBlocks.Block<R>> blockOf, BiFunction<R, SharedValues, R> sharing, Model<R, M> model) {
        this.blockOf = blockOf;
        this.sharing = sharing;
        this.model = model;
    }

    @Override
    public void add(Trial trial) {
        TrialBlocks.Block<R> block = blockOf.apply(trial);
        synchronized (blocks) {
            blocks.add(block.withRows(row -> sharing.apply(row, shared)));
        }
    }

    @Override
    public M build(String version) {
        synchronized (blocks) {
            return model.of(TrialBlocks.of(blocks), version);
        }
    }
}
