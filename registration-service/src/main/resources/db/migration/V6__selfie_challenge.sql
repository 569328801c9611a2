-- The moving selfie's active challenge (issue 18): the moves the server picked, single-use and short-lived.
-- It holds no personal data (no address, no device, no image); the retention job deletes a challenge once
-- used or expired.
create table selfie_challenge (
    id         uuid        primary key,
    -- the moves in order, comma-separated: LEFT, RIGHT, CLOSER
    moves      text        not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index selfie_challenge_expires on selfie_challenge (expires_at);
