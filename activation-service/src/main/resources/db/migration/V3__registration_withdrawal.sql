-- Registrations the citizen withdrew (or that were superseded or expired) in registration-service
-- (RegistrationWithdrawn on ikd.registration). The event may come before or after the approval on
-- ikd.verification, so it is kept on its own: no code is issued, and no activation accepted, for these.
create table registration_withdrawal (
    registration_id  uuid        primary key,
    reason           text        not null,
    withdrawn_at     timestamptz not null,
    recorded_at      timestamptz not null
);
