-- With verification.decided.v2 (issue 21) an approval comes without the citizen's contact, and
-- activation-service stores none: its events are then .v2, sent by notification-service to the
-- recipient it recorded. The contact was kept only to forward it and to match a self-deactivation
-- request (NIK, email and phone); for the match a keyed hash (HMAC, the service's hash key) of the
-- registration's email and of its phone is enough, recorded from RegistrationSubmitted and replaced
-- by a newer ContactCorrected. Approvals from .v1 keep their contact columns and stay readable.
alter table approval
    alter column email    drop not null,
    alter column phone    drop not null,
    alter column language drop not null;

create table contact_digest (
    registration_id uuid        primary key,
    email_hash      bytea       not null,
    phone_hash      bytea       not null,
    contact_at      timestamptz not null,
    recorded_at     timestamptz not null
);
