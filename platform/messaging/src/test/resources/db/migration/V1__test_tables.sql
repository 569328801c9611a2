create table test_ledger (id uuid primary key, registration_id uuid not null, created_at timestamptz not null default now());
create table test_effect (id bigserial primary key, registration_id uuid not null, event_type text not null);
