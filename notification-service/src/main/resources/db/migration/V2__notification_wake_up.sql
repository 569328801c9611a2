-- A message written in a consumer's transaction wakes the dispatcher when that transaction
-- commits (PostgreSQL delivers notifications on commit), so the PIN email leaves within
-- milliseconds instead of at the next periodic round.
create function notification_wake_up() returns trigger language plpgsql as $$
begin
    perform pg_notify('ikd_notification', '');
    return null;
end $$;

create trigger notification_wake_up after insert on notification
    for each statement execute function notification_wake_up();
