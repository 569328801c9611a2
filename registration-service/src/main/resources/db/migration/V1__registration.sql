-- One citizen registration (SOP step 2) and its counter code (SOP step 3).
create table registration (
    id                    uuid        primary key,
    nik                   varchar(16) not null,
    email                 text        not null,
    phone                 text        not null,
    language              varchar(2)  not null,
    device_key_jwk        text        not null,
    device_key_thumbprint text        not null,
    -- SHA-256 of the registration secret; the secret itself is only ever in the app
    secret_hash           bytea       not null,
    status                text        not null,
    submitted_at          timestamptz not null,
    updated_at            timestamptz not null,
    decided_at            timestamptz,
    supersedes            uuid,
    -- AES-GCM nonce || ciphertext || tag; null once erased
    selfie_sealed         bytea,
    selfie_content_type   text,
    selfie_sha256         text        not null,
    selfie_erased_at      timestamptz,
    code_sequence         integer     not null,
    code_id               uuid        not null,
    short_code            text        not null,
    code_expires_at       timestamptz not null
);
-- one registration awaiting verification per NIK: the newest wins
create unique index registration_one_pending_per_nik on registration (nik) where status = 'PENDING_VERIFICATION';
create index registration_nik on registration (nik);
create index registration_pending_submitted on registration (submitted_at) where status = 'PENDING_VERIFICATION';
create index registration_selfie_kept on registration (decided_at) where selfie_sealed is not null;

-- The citizen's timeline: what the status endpoint lists and the SSE stream pushes.
create table registration_event (
    id              bigserial   primary key,
    registration_id uuid        not null references registration (id),
    kind            text        not null,
    status          text        not null,
    at              timestamptz not null,
    -- rejection or withdrawal reason code
    reason_code     text,
    -- operator's note for the citizen, or why a delivery failed
    note            text,
    -- COUNTER / VIDEO_CALL for decisions, EMAIL / SMS for notifications
    channel         text,
    -- notification kind, e.g. ACTIVATION_CODE
    message_kind    text,
    -- masked address a notification went to
    recipient       text
);
create index registration_event_registration on registration_event (registration_id, id);

-- Fixed-window request counters for rate limits, shared by all replicas.
create table rate_limit_window (
    bucket       text        not null,
    window_start timestamptz not null,
    hits         integer     not null,
    primary key (bucket, window_start)
);
create index rate_limit_window_start on rate_limit_window (window_start);
