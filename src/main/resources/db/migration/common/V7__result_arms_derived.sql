-- A result's arms are those of its values and its comparison (entity.Result.arms(), from the record it is projected
-- from): derived, so not stored. The table held two rows a result, each in three indexes: about a third of the index
-- entries seeding 100,000 trials wrote (docs/benchmarks.md), and rows every write replaced.
drop table result_arm;
