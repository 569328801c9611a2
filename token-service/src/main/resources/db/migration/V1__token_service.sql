-- Projection of digital identities (from ikd.identity): only what a QR token shows.
-- The NIK is kept masked only; token-service never needs it in full.
create table identity (
    identity_id       uuid        primary key,
    subject           text        not null,
    registration_id   uuid        not null,
    full_name         text,
    nik_masked        text,
    birth_date        date,
    photo_sha256      text,
    activated_at      timestamptz,
    revoked_at        timestamptz,
    revocation_reason text
);
create index identity_active_subject on identity (subject, activated_at desc) where revoked_at is null;

-- QR signing keys (ES256). The private key is AES-GCM encrypted with the key-encryption key.
-- A key signs from active_from until retired_at, and stays published until its last token expired.
create table signing_key (
    kid                 text        primary key,
    public_key          bytea       not null,
    private_key_sealed  bytea       not null,
    created_at          timestamptz not null,
    active_from         timestamptz not null,
    retired_at          timestamptz
);

-- Single use of PIN proofs (activation-service) and of QR tokens; rows are purged after expiry.
create table used_pin_proof (
    jti        text        primary key,
    subject    text        not null,
    expires_at timestamptz not null
);
create index used_pin_proof_expires_at on used_pin_proof (expires_at);

create table used_qr_token (
    jti           text        primary key,
    subject       text        not null,
    relying_party text        not null,
    used_at       timestamptz not null,
    expires_at    timestamptz not null
);
create index used_qr_token_expires_at on used_qr_token (expires_at);

-- Relying parties (banks, hospitals, the ministry's reader app) and the attributes they may see.
create table relying_party (
    client_id   text        primary key,
    name        text        not null,
    secret_hash text        not null,
    scopes      text        not null,
    enabled     boolean     not null default true,
    created_at  timestamptz not null
);
