-- Every write's read-model patch asks the change log which trials the versions since the model's own changed: without
-- this index that question read the whole audit trail, twice a write (one read per model), and grew with history.
create index change_log_dataset_version on change_log (datasetVersion);
