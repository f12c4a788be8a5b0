-- Indexes that no query uses since the read models answer every filter from memory (docs/architecture.md): nothing
-- selects trials by setting, results by endpoint, or anything by biomarker, drug, drug class or name key in the
-- database any more. Each was written on every insert and update: about one in eight of the index entries seeding
-- 100,000 trials wrote (docs/benchmarks.md), and part of every write. Kept: the keys, the foreign keys' indexes
-- (collections load by them), trial_acronym (the read models' order), trial_study_type (the dataset's counts by
-- study type), result_trial, result_estimate (a count's fallback), the names' skeletons, the change log's and the
-- declared conflicts' indexes.
drop index if exists trial_setting;
drop index if exists trial_alias_key;
drop index if exists trial_biomarker_code;
drop index if exists arm_drug_drug;
drop index if exists arm_drug_class;
drop index if exists result_endpoint;
drop index if exists result_biomarker_code;
