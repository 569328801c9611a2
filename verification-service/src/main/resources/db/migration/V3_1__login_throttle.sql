-- Failed logins of usernames that are no account (or no active one), counted and locked exactly like
-- an account's own failed_attempts / locked_until, so that the answers do not tell which usernames exist.
-- Keyed by the SHA-256 of the normalised username: typed usernames are never stored.
create table login_throttle (
    username_sha256  text        primary key,
    failed_attempts  integer     not null default 0,
    locked_until     timestamptz,
    updated_at       timestamptz not null
);
