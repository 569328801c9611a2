-- The CloudEvents type, with its version, of the event each message comes from: since the .v2 events
-- (issue 21) one kind of message comes from either version, and a report of an undeliverable message
-- must name the one to look for. Rows from before this migration have none; their report falls back
-- to the kind's .v1 source, which is what produced them.
alter table notification add column source_event_type text;
