-- Who revoked an identity at an office: the operator's (or supervisor's) subject and office, for audit.
alter table identity add column revoked_by text;
alter table identity add column revoked_by_office text;
