-- The answers to requests sent with an Idempotency-Key, written in the transaction of their
-- effect: the same request sent again answers the same, with no second effect. key_hash is a
-- digest of the client's key and answer is sealed under a key derived from it, so neither the key
-- nor the answer (which may hold a registration secret) can be read from this table alone.
create table ikd_idempotent_request (
    key_hash   text        primary key,
    operation  text        not null,
    answer     bytea       not null,
    created_at timestamptz not null default now()
);
create index ikd_idempotent_request_created_at on ikd_idempotent_request (created_at);
