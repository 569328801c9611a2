-- Remedies at the counter (issue 17, item 7): the delivery status of every message to the citizen,
-- as notification-service announces it (NotificationStatus on ikd.notification), so that the case
-- page shows it without calling notification-service. One row per message (notification id) with
-- its latest attempt; the recipient is masked at the source (never the full address).
create table message_delivery (
    notification_id  uuid primary key,
    registration_id  uuid not null,
    kind             text not null,
    channel          text not null,
    status           text not null,
    reason           text,
    attempt          integer not null,
    recipient_masked text not null,
    first_at         timestamptz not null,
    last_at          timestamptz not null
);
create index message_delivery_registration on message_delivery (registration_id, first_at);
