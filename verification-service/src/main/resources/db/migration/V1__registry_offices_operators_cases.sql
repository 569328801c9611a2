-- Population registry (SIAK) as this suite runs it locally: one row per resident, seeded with a
-- synthetic population when ikd.verification.demo.enabled is true. A production deployment
-- points the registry adapter at SIAK instead and leaves this table empty.
create table registry_resident (
    nik             char(16)    primary key,
    full_name       text        not null,
    birth_place     text        not null,
    birth_date      date        not null,
    sex             text        not null check (sex in ('LAKI-LAKI', 'PEREMPUAN')),
    address         text        not null,
    rt_rw           text        not null,
    village_name    text        not null,
    district_code   text        not null,
    district_name   text        not null,
    regency_name    text        not null,
    province_name   text        not null,
    religion        text        not null,
    marital_status  text        not null,
    occupation      text        not null,
    nationality     text        not null,
    ktp_el_status   text        not null check (ktp_el_status in ('PRINTED', 'RECORDED_NOT_PRINTED', 'NOT_RECORDED')),
    life_status     text        not null check (life_status in ('ALIVE', 'DECEASED')),
    domicile_status text        not null check (domicile_status in ('RESIDENT', 'MOVED')),
    photo_sha256    char(64)    not null
);

-- Offices: Dinas kabupaten/kota and kecamatan counters, with their service standard (mutu baku)
-- and approval model. area_code is a regency (63.05) or district (35.18.14) code.
create table office (
    code                     text        primary key,
    name                     text        not null,
    level                    text        not null check (level in ('REGENCY', 'DISTRICT', 'NATIONAL')),
    area_code                text,
    address                  text,
    phone                    text,
    email                    text,
    whatsapp                 text,
    website                  text,
    approval_model           text        not null check (approval_model in ('LOCAL', 'CENTRAL')),
    verification_minutes     integer     not null check (verification_minutes > 0),
    validation_minutes       integer     not null check (validation_minutes > 0),
    activation_minutes       integer     not null check (activation_minutes > 0),
    completion_minutes       integer     not null check (completion_minutes > 0),
    standard_source          text,
    created_at               timestamptz not null default now()
);
create unique index office_area_code on office (area_code) where area_code is not null;

create table operator_account (
    id               uuid        primary key,
    username         text        not null unique,
    full_name        text        not null,
    office_code      text        not null references office (code),
    roles            text        not null,
    password_hash    text        not null,
    failed_attempts  integer     not null default 0,
    locked_until     timestamptz,
    active           boolean     not null default true,
    created_at       timestamptz not null default now(),
    last_login_at    timestamptz
);

-- One case per registration; closed by a decision, a withdrawal, a superseding registration or activation.
create table verification_case (
    id                    uuid        primary key,
    registration_id       uuid        not null unique,
    nik                   char(16)    not null,
    email                 text        not null,
    phone                 text        not null,
    language              text        not null,
    device_key_jwk        text        not null,
    device_key_thumbprint text        not null,
    selfie_sha256         text        not null,
    submitted_at          timestamptz not null,
    office_code           text        not null references office (code),
    default_office_code   text        not null references office (code),
    status                text        not null,
    opened_at             timestamptz not null,
    scanned_at            timestamptz,
    scanned_by            uuid,
    submitted_for_review_at timestamptz,
    decided_at            timestamptz,
    closed_at             timestamptz,
    activated_at          timestamptz,
    version               integer     not null default 0
);
create index verification_case_queue on verification_case (office_code, status, submitted_at);
create index verification_case_status on verification_case (status);

-- Every counter code of a registration (CounterCodeIssued); only the highest sequence counts.
create table counter_code (
    code_id          uuid        primary key,
    registration_id  uuid        not null,
    short_code       text        not null,
    sequence         integer     not null,
    issued_at        timestamptz not null,
    expires_at       timestamptz not null,
    unique (registration_id, sequence)
);
create index counter_code_short_code on counter_code (short_code, issued_at desc);

-- The decision on a case: final at once in a LOCAL office; in a CENTRAL office the operator's
-- proposal, which the central verifier confirms or overturns. unique(case_id): one decision per case.
create table decision (
    id                     uuid        primary key,
    case_id                uuid        not null unique references verification_case (id),
    outcome                text        not null check (outcome in ('APPROVED', 'REJECTED')),
    reason_code            text,
    reason_note            text,
    channel                text        not null check (channel in ('COUNTER', 'VIDEO_CALL')),
    call_reference         text,
    ktp_el_checked         boolean     not null,
    operator_id            uuid        not null references operator_account (id),
    office_code            text        not null references office (code),
    decided_at             timestamptz not null,
    state                  text        not null check (state in ('FINAL', 'AWAITING_CENTRAL')),
    reviewer_id            uuid references operator_account (id),
    review_outcome         text check (review_outcome in ('APPROVED', 'REJECTED')),
    review_reason_code     text,
    review_note            text,
    reviewed_at            timestamptz
);

-- Buku pelayanan: every action on a case, with how long the SOP step took against the standard.
create table service_log_entry (
    id                 bigserial   primary key,
    occurred_at        timestamptz not null,
    office_code        text        not null,
    operator_id        uuid,
    operator_username  text,
    case_id            uuid        not null,
    registration_id    uuid        not null,
    action             text        not null,
    sop_step           integer,
    duration_seconds   bigint,
    standard_seconds   bigint,
    note               text
);
create index service_log_office_day on service_log_entry (office_code, occurred_at);

-- Tamper-evident audit chain of decisions and logins: hash = SHA-256(previous hash | canonical entry).
create table audit_entry (
    seq          bigint      primary key,
    occurred_at  timestamptz not null,
    kind         text        not null,
    actor        text        not null,
    office_code  text,
    subject      text,
    details      text        not null,
    prev_hash    char(64)    not null,
    hash         char(64)    not null
);
-- The head of the chain; appenders lock it, so the chain stays one line under concurrency.
create table audit_head (
    id        integer     primary key check (id = 1),
    last_seq  bigint      not null,
    last_hash char(64)    not null
);
insert into audit_head (id, last_seq, last_hash) values (1, 0, repeat('0', 64));
