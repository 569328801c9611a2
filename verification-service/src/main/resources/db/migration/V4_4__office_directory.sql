-- The public office directory (issue 17, item 1): each office's time zone, service hours and every
-- complaint channel (pengaduan) its SOP publishes. Edited by a new migration like this one
-- (OPERATIONS.md, "Office directory"); the directory API and page read these tables.

-- WIB / WITA / WIT, from the province of the office's area code (idn-area/province-time-zones.csv;
-- OfficeTimeZone.ofArea). No default: an office in Makassar or Jayapura must not silently count in WIB.
alter table office add column time_zone text check (time_zone in ('WIB', 'WITA', 'WIT'));
update office set time_zone = case
    when area_code is null then 'WIB'
    when substr(area_code, 1, 2) in ('51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76') then 'WITA'
    when substr(area_code, 1, 2) in ('81', '82', '91', '92', '93', '94', '95', '96') then 'WIT'
    else 'WIB' end;
alter table office alter column time_zone set not null;

-- Service hours in the office's local time; none for an office that publishes none (the five seed
-- SOPs publish none: the directory says so instead of guessing).
create table office_hours (
    office_code  text     not null references office (code),
    day_of_week  smallint not null check (day_of_week between 1 and 7),
    opens        time     not null,
    closes       time     not null check (opens < closes),
    primary key (office_code, day_of_week, opens)
);

-- Every complaint channel in the order the SOP lists it.
create table office_channel (
    office_code  text    not null references office (code),
    position     integer not null,
    kind         text    not null check (kind in ('IN_PERSON', 'LETTER', 'PHONE', 'WHATSAPP', 'EMAIL', 'INSTAGRAM',
                                                  'TIKTOK', 'FACEBOOK', 'TWITTER', 'WEBSITE', 'LAPOR', 'SUGGESTION_BOX')),
    value        text    not null,
    label        text,
    primary key (office_code, position)
);

-- Addresses as the SOP headers and complaint sections give them.
update office set address = 'Jl. Pramuka No. 05, Petak, Kecamatan Bagor, Kabupaten Nganjuk, Jawa Timur 64461'
 where code = '351814-KEC-BAGOR';
update office set address = 'Jalan Raya Dringu No. 901, Desa Kedungdalem, Kecamatan Dringu, Kabupaten Probolinggo, Jawa Timur 67271'
 where code = '3513-DISDUKCAPIL';
-- Seed 004 names the kecamatan office as the place of service and publishes no phone, email or WhatsApp.
update office set address = 'Kantor Kecamatan Sukodadi, Kabupaten Lamongan, Jawa Timur'
 where code = '352417-KEC-SUKODADI';
-- Ditjen Dukcapil's own office (not the ministry's seat at Jl. Medan Merdeka Utara No. 7, Jakarta Pusat).
update office set address = 'Jl. Raya Pasar Minggu Km. 19, Jakarta Selatan 12510', phone = '1500537',
                  website = 'https://dukcapil.kemendagri.go.id'
 where code = 'DITJEN-DUKCAPIL';

insert into office_channel (office_code, position, kind, value, label) values
-- 000 Tapin, "Pengaduan Layanan" 1-6
('6305-DISDUKCAPIL', 1, 'IN_PERSON', 'Kantor Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin, Jl. Datu Nuraya, Rantau', null),
('6305-DISDUKCAPIL', 2, 'LETTER', 'Kantor Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin, Jl. Datu Nuraya, Rantau', null),
('6305-DISDUKCAPIL', 3, 'PHONE', '0517-32454', 'Telepon dan faksimile'),
('6305-DISDUKCAPIL', 4, 'EMAIL', 'dukcapil.rantau777@gmail.com', null),
('6305-DISDUKCAPIL', 5, 'INSTAGRAM', '@disdukcapiltapin', null),
('6305-DISDUKCAPIL', 6, 'FACEBOOK', 'Disdukcapil Kabupaten Tapin', null),
('6305-DISDUKCAPIL', 7, 'WHATSAPP', '0811-5113-141', null),
('6305-DISDUKCAPIL', 8, 'WEBSITE', 'https://dukcapil.tapinkab.go.id/', null),
-- 001 Bagor, "Pengaduan Layanan" and the page header
('351814-KEC-BAGOR', 1, 'LAPOR', 'https://www.lapor.go.id', null),
('351814-KEC-BAGOR', 2, 'WHATSAPP', '0858-9943-4853', 'Iwan'),
('351814-KEC-BAGOR', 3, 'INSTAGRAM', '@kecamatanbagor', null),
('351814-KEC-BAGOR', 4, 'TIKTOK', '@kecamatan.bagor', null),
('351814-KEC-BAGOR', 5, 'FACEBOOK', 'Kecamatan Bagor', null),
('351814-KEC-BAGOR', 6, 'EMAIL', 'bagorkecamatan501@gmail.com', null),
('351814-KEC-BAGOR', 7, 'PHONE', '0358-321702', null),
('351814-KEC-BAGOR', 8, 'WEBSITE', 'https://bagor.nganjukkab.go.id', null),
-- 002 Payakumbuh, "Pengaduan Layanan" a-g and the page header
('1376-DISDUKCAPIL', 1, 'SUGGESTION_BOX', 'Di kantor Dinas, Jalan Jambu: saran dan pengaduan tertulis kepada Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Payakumbuh, dengan nama dan alamat pengadu', null),
('1376-DISDUKCAPIL', 2, 'PHONE', '0752-796135', null),
('1376-DISDUKCAPIL', 3, 'INSTAGRAM', '@disdukcapilkotapayakumbuh', null),
('1376-DISDUKCAPIL', 4, 'TWITTER', '@lapor1708', 'SP4N-LAPOR!'),
('1376-DISDUKCAPIL', 5, 'WEBSITE', 'https://www.disdukcapil.payakumbuhkota.go.id', null),
-- 003 Probolinggo, "Pengaduan Layanan"
('3513-DISDUKCAPIL', 1, 'IN_PERSON', 'Jalan Raya Dringu Nomor 901, Desa Kedungdalem, Kecamatan Dringu', null),
('3513-DISDUKCAPIL', 2, 'PHONE', '0335-420829', null),
('3513-DISDUKCAPIL', 3, 'WEBSITE', 'http://disdukcapil.probolinggokab.go.id/', null),
('3513-DISDUKCAPIL', 4, 'EMAIL', 'dispendukcapilkabprob@gmail.com', null),
('3513-DISDUKCAPIL', 5, 'WHATSAPP', '0813-7770-3600', null),
('3513-DISDUKCAPIL', 6, 'PHONE', '0821-3100-1001', 'Lapor Kand4'),
-- 004 Sukodadi publishes no contact: the counter itself, the national SP4N-LAPOR! channel every public
-- service answers on (Perpres 76/2013) and the regency's site, until the office gives its own.
('352417-KEC-SUKODADI', 1, 'IN_PERSON', 'Loket pelayanan Kantor Kecamatan Sukodadi, Kabupaten Lamongan', null),
('352417-KEC-SUKODADI', 2, 'LAPOR', 'https://www.lapor.go.id', null),
('352417-KEC-SUKODADI', 3, 'WEBSITE', 'https://lamongankab.go.id', 'Pemerintah Kabupaten Lamongan'),
-- Ditjen Dukcapil
('DITJEN-DUKCAPIL', 1, 'PHONE', '1500537', 'Halo Dukcapil'),
('DITJEN-DUKCAPIL', 2, 'WEBSITE', 'https://dukcapil.kemendagri.go.id', null),
('DITJEN-DUKCAPIL', 3, 'LAPOR', 'https://www.lapor.go.id', null);

-- The public directory's rate limit: fixed windows per client address, shared by the replicas.
create table rate_limit_window (
    bucket       text        not null,
    window_start timestamptz not null,
    hits         integer     not null,
    primary key (bucket, window_start)
);
create index rate_limit_window_start on rate_limit_window (window_start);
