-- Names are unique by their confusable skeleton (Unicode TR39; trial.TrialNames.skeleton), so that a name that only
-- looks like a served one is refused. Rows written before this migration have none: the check computes theirs.
alter table trial_alias add column nameSkeleton varchar(64);
create index trial_alias_skeleton on trial_alias (nameSkeleton);
