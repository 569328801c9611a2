-- Deactivation links a citizen asked for from another device (a lost phone). The link token only
-- as a keyed hash; single use, short-lived; deleted with the other expired credentials.
create table deactivation_request (
    id            uuid        primary key,
    identity_id   uuid        not null references identity (id),
    token_hash    bytea       not null unique,
    requested_at  timestamptz not null,
    expires_at    timestamptz not null,
    used_at       timestamptz
);
create index deactivation_request_identity on deactivation_request (identity_id, requested_at);
create index deactivation_request_expires_at on deactivation_request (expires_at);
