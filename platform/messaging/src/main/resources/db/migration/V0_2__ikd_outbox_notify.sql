-- Wake the relay as soon as a transaction that wrote events commits (notifications are delivered
-- on commit and folded per transaction); the relay's periodic round stays as the safety net.
create function ikd_outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('ikd_outbox', '');
    return null;
end;
$$;

create trigger ikd_outbox_inserted after insert on ikd_outbox
    for each statement execute function ikd_outbox_notify();
