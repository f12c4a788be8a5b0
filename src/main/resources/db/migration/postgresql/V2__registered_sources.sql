-- Sources registered through the curation API keep their text (excerpts are checked against it) and who registered them.
alter table review add column sourceText text;
alter table review add column registeredBy varchar(200);
alter table review add column registeredAt timestamp(6) with time zone;
