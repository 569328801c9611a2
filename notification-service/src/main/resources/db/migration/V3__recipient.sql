-- Whom to write to about a registration: the contact the citizen gave (RegistrationSubmitted) or
-- the counter corrected (ContactCorrected), kept once here so that the later events (.v2) need not
-- carry it. contact_at is the time of the event the contact comes from: a submission read after a
-- correction (another topic, another pace) is older and never overwrites it.
create table recipient (
    registration_id  uuid        primary key,
    email            text        not null,
    phone            text        not null,
    language         text        not null,
    contact_at       timestamptz not null,
    -- the identity was activated: messages can come as long as it lives (revocation, deactivation link)
    activated_at     timestamptz,
    -- the registration ended (rejected, withdrawn, expired, superseded) or its identity was revoked
    ended_at         timestamptz,
    updated_at       timestamptz not null
);
create index recipient_ended on recipient (ended_at) where ended_at is not null;
create index recipient_never_activated on recipient (contact_at) where activated_at is null and ended_at is null;
