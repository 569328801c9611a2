-- The working-day calendar (issue 17, item 2): national holidays (libur nasional) and cuti bersama
-- as data, maintained through the admin API (/api/v1/admin/holidays, docs/operations.md "Hari libur").
-- Standards given in working days are counted on office hours (office_hours; Mon-Fri 08:00-16:00
-- when an office publishes none), less weekends and these dates.
create table holiday (
    day         date not null primary key,
    kind        text not null check (kind in ('NATIONAL', 'CUTI_BERSAMA')),
    name        text not null,
    created_at  timestamptz not null default now()
);

-- Indonesia 2026 as known when this was written. MUST be checked against the SKB 3 Menteri
-- (Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB) for 2026 and corrected through the admin API.
insert into holiday (day, kind, name) values
('2026-01-01', 'NATIONAL', 'Tahun Baru 2026 Masehi'),
('2026-01-16', 'NATIONAL', 'Isra Mikraj Nabi Muhammad SAW'),
('2026-02-16', 'CUTI_BERSAMA', 'Cuti bersama Tahun Baru Imlek'),
('2026-02-17', 'NATIONAL', 'Tahun Baru Imlek 2577 Kongzili'),
('2026-03-18', 'CUTI_BERSAMA', 'Cuti bersama Hari Suci Nyepi'),
('2026-03-19', 'NATIONAL', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'),
('2026-03-20', 'NATIONAL', 'Idul Fitri 1447 Hijriah'),
('2026-03-21', 'NATIONAL', 'Idul Fitri 1447 Hijriah'),
('2026-03-23', 'CUTI_BERSAMA', 'Cuti bersama Idul Fitri'),
('2026-03-24', 'CUTI_BERSAMA', 'Cuti bersama Idul Fitri'),
('2026-04-03', 'NATIONAL', 'Wafat Yesus Kristus'),
('2026-04-05', 'NATIONAL', 'Kebangkitan Yesus Kristus (Paskah)'),
('2026-05-01', 'NATIONAL', 'Hari Buruh Internasional'),
('2026-05-14', 'NATIONAL', 'Kenaikan Yesus Kristus'),
('2026-05-15', 'CUTI_BERSAMA', 'Cuti bersama Kenaikan Yesus Kristus'),
('2026-05-27', 'NATIONAL', 'Idul Adha 1447 Hijriah'),
('2026-05-28', 'CUTI_BERSAMA', 'Cuti bersama Idul Adha'),
('2026-05-31', 'NATIONAL', 'Hari Raya Waisak 2570 BE'),
('2026-06-01', 'NATIONAL', 'Hari Lahir Pancasila'),
('2026-06-16', 'NATIONAL', 'Tahun Baru Islam 1448 Hijriah'),
('2026-08-17', 'NATIONAL', 'Hari Kemerdekaan Republik Indonesia'),
('2026-08-25', 'NATIONAL', 'Maulid Nabi Muhammad SAW'),
('2026-12-24', 'CUTI_BERSAMA', 'Cuti bersama Hari Raya Natal'),
('2026-12-25', 'NATIONAL', 'Hari Raya Natal');
