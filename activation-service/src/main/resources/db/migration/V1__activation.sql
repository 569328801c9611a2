-- One row per approved registration: what activation needs from the VerificationDecided event
-- (verified attributes, device key, contact data) and the resend budget.
create table approval (
    registration_id   uuid        primary key,
    case_id           uuid        not null,
    nik               text        not null,
    attributes_json   text        not null,
    device_key_jwk    text        not null,
    email             text        not null,
    phone             text        not null,
    language          text        not null,
    office_json       text        not null,
    approved_at       timestamptz not null,
    codes_issued      integer     not null default 0,
    resend_day        date,
    resends_on_day    integer     not null default 0
);

-- Activation codes: the PIN and the link token only as keyed hashes (HMAC-SHA-256).
create table activation_code (
    id               uuid        primary key,
    registration_id  uuid        not null references approval (registration_id),
    sequence         integer     not null,
    pin_hash         bytea       not null,
    link_token_hash  bytea       not null unique,
    status           text        not null,
    failed_attempts  integer     not null default 0,
    issued_at        timestamptz not null,
    expires_at       timestamptz not null,
    used_at          timestamptz,
    unique (registration_id, sequence)
);
create index activation_code_registration on activation_code (registration_id);

-- Digital identities bound to a device key; one ACTIVE identity per NIK.
create table identity (
    id                     uuid        primary key,
    registration_id        uuid        not null unique references approval (registration_id),
    nik                    text        not null,
    subject                text        not null unique,
    attributes_json        text        not null,
    device_key_jwk         text        not null,
    device_key_thumbprint  text        not null,
    status                 text        not null,
    activated_at           timestamptz not null,
    revoked_at             timestamptz,
    revocation_reason      text,
    replaced_by            uuid,
    app_pin_hash           text,
    app_pin_failures       integer     not null default 0,
    app_pin_locked         boolean     not null default false
);
create unique index identity_one_active_per_nik on identity (nik) where status = 'ACTIVE';

-- Nonces the app signs with its device key to open a session; single use, short-lived.
create table session_challenge (
    nonce        text        primary key,
    identity_id  uuid        not null references identity (id),
    expires_at   timestamptz not null
);
create index session_challenge_expires_at on session_challenge (expires_at);

-- Refresh tokens (hashed), bound to the device key they were issued to; rotated on use.
create table refresh_token (
    id                     uuid        primary key,
    identity_id            uuid        not null references identity (id),
    token_hash             bytea       not null unique,
    device_key_thumbprint  text        not null,
    issued_at              timestamptz not null,
    expires_at             timestamptz not null,
    used_at                timestamptz
);
create index refresh_token_identity on refresh_token (identity_id);

-- Captcha solutions already accepted (a solved challenge counts once).
create table captcha_solution (
    challenge   text        primary key,
    expires_at  timestamptz not null
);
create index captcha_solution_expires_at on captcha_solution (expires_at);
