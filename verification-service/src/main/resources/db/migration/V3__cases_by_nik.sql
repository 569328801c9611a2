-- Registrations of one NIK no longer cancel each other: the case view lists the other open cases
-- of the NIK and an approval closes them, both by NIK.
create index verification_case_open_nik on verification_case (nik) where status in ('QUEUED', 'IN_REVIEW', 'AWAITING_CENTRAL');
