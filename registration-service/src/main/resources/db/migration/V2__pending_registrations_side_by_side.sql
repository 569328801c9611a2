-- Registrations of one NIK no longer cancel each other ("the newest wins" let anyone who read a
-- KTP cancel its holder's registration): several may await verification; the counter picks one.
drop index registration_one_pending_per_nik;
create index registration_pending_nik on registration (nik) where status = 'PENDING_VERIFICATION';
