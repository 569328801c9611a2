-- Verification by video call (issue 18): a call per registration at a time, its signalling messages,
-- and whether an office offers the channel at all (a seed difference, kept as data).

-- Seeds 000 and 001 name "tempat Pelayanan Kependudukan / Videocall"; Sukodadi's (004) names the service
-- place only, and the others do not name a channel: a channel the SOP does not offer is off.
alter table office add column video_calls boolean not null default false;
update office set video_calls = true where code in ('6305-DISDUKCAPIL', '351814-KEC-BAGOR');

create table video_call (
    id                  uuid        primary key,
    registration_id     uuid        not null,
    case_id             uuid        not null references verification_case (id),
    office_code         text        not null references office (code),
    status              text        not null,
    -- SHA-256 of the citizen's call token (the token itself is only in the citizen's page)
    citizen_token_hash  bytea       not null,
    requested_at        timestamptz not null,
    citizen_seen_at     timestamptz not null,
    answered_at         timestamptz,
    answered_by         uuid,
    consent_at          timestamptz,
    ended_at            timestamptz,
    end_reason          text,
    version             integer     not null default 0
);
-- one open call per registration: asking again rejoins it
create unique index video_call_open on video_call (registration_id) where status in ('WAITING', 'CONNECTED');
create index video_call_queue on video_call (office_code, status, requested_at);

-- The offer, answer, ICE candidates and hang-ups the two browsers exchange, in order; kept only while the
-- call lasts (deleted with the call's end) since they carry network addresses.
create table video_call_signal (
    seq         bigserial   primary key,
    call_id     uuid        not null references video_call (id) on delete cascade,
    sender      text        not null,
    kind        text        not null,
    body        text        not null,
    created_at  timestamptz not null default now()
);
create index video_call_signal_call on video_call_signal (call_id, seq);
