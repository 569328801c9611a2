-- The limit of registrations awaiting verification per NIK, checked in one round trip: the NIK's
-- advisory lock (held until the transaction ends), then the count.
--
-- Two statements in a VOLATILE function, not one select doing both: under READ COMMITTED a statement
-- reads the snapshot taken when it began, so one select that waited for the lock would count without
-- the registration of the transaction it waited for, and two submissions at once could both pass the
-- limit. A VOLATILE function takes a fresh snapshot for each statement it runs, so the count, which
-- starts once the lock is held, sees every registration committed before.
create function registration_pending_after_nik_lock(p_nik text) returns bigint
    language plpgsql volatile
as $$
begin
    perform pg_advisory_xact_lock(hashtextextended('registration-nik:' || p_nik, 0));
    return (select count(*) from registration where nik = p_nik and status = 'PENDING_VERIFICATION');
end
$$;
