-- Stills captured during a video call (issue 18): with the citizen's own consent to stills, which is
-- not the consent to be seen on camera (that one says the call is not recorded), the operator may
-- capture the citizen's face and KTP-el from the live video into the case. Sealed like the selfie
-- (AES-GCM under ikd.video-call.stills.key, the row id as associated data) and erased under the
-- selfie's rules (VideoCallStillRetention).
alter table video_call add column stills_consent_at timestamptz;

create table video_call_still (
    id             uuid        primary key,
    call_id        uuid        not null references video_call (id) on delete cascade,
    case_id        uuid        not null references verification_case (id),
    kind           text        not null check (kind in ('FACE', 'KTP_EL')),
    -- nonce || ciphertext || tag of the JPEG; never the image in clear
    image_sealed   bytea       not null,
    width          integer     not null,
    height         integer     not null,
    captured_by    uuid        not null,
    captured_at    timestamptz not null
);
create index video_call_still_call on video_call_still (call_id);
create index video_call_still_case on video_call_still (case_id, captured_at);
