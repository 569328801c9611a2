-- Transactional outbox: events are written here in the same transaction as the state change
-- they describe; the relay publishes them to Kafka in id order and marks them published.
create table ikd_outbox (
    id           bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    event_type   text        not null,
    subject      text,
    payload      text        not null,
    traceparent  text,
    created_at   timestamptz not null default now(),
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);
create index ikd_outbox_pending on ikd_outbox (id) where published_at is null;
create index ikd_outbox_published_at on ikd_outbox (published_at) where published_at is not null;

-- Idempotent inbox: one row per (consumer, event id), written in the same transaction as the
-- consumer's effect, so a redelivered event has no second effect.
create table ikd_inbox (
    consumer    text        not null,
    event_id    text        not null,
    event_type  text        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index ikd_inbox_received_at on ikd_inbox (received_at);
