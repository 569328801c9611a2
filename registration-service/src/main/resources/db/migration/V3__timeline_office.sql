-- The Dukcapil office that decided or revoked, so that the app can name where to go next
-- ("Datang ke <kantor> dengan KTP-el"). Null on steps no office took.
alter table registration_event add column office_name text;
alter table registration_event add column office_phone text;
alter table registration_event add column office_address text;
