-- One row per message to one citizen on one channel. The row is written (PENDING) in the
-- transaction that consumes the event, before anything is sent; the dispatcher sends it later.
-- The unique key makes a second row for the same event, channel and kind impossible.
create table notification (
    id                  uuid        primary key,
    registration_id     uuid        not null,
    source_event_id     text        not null,
    kind                text        not null,
    channel             text        not null,
    recipient           text        not null,
    -- where the message goes when this channel fails for good (only for kinds with a fallback)
    fallback_recipient  text,
    language            text        not null,
    -- the template model as JSON: never a PIN or link in clear (activation codes keep the sealed JWE)
    content             text        not null,
    state               text        not null,
    attempts            integer     not null default 0,
    next_attempt_at     timestamptz not null,
    attempt_started_at  timestamptz,
    -- after this instant the message is useless (an activation code's validity counts from issue)
    expires_at          timestamptz,
    last_error          text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    sent_at             timestamptz,
    constraint notification_once unique (source_event_id, channel, kind)
);
create index notification_due on notification (next_attempt_at) where state in ('PENDING', 'RETRYING');
create index notification_in_flight on notification (attempt_started_at) where state = 'SENDING';
create index notification_registration on notification (registration_id, created_at);
