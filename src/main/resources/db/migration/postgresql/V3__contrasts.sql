-- Curated contrast designs of a trial's comparisons, and results flagged as a suspected copy of another row.
alter table trial add column contrastOverrides jsonb;
alter table result add column suspect jsonb;
