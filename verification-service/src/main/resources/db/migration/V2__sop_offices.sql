-- The offices whose IKD service standards (SOP, mutu baku) the suite implements; step minutes
-- and completion times are taken from each office's published SOP (docs: OPERATIONS.md).
insert into office (code, name, level, area_code, address, phone, email, whatsapp, website, approval_model,
                    verification_minutes, validation_minutes, activation_minutes, completion_minutes, standard_source)
values
('6305-DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin', 'REGENCY', '63.05',
 'Jl. Datu Nuraya Kawasan Rantau Baru RT. 1 RW. 1, Kecamatan Tapin Utara, Kabupaten Tapin, Kalimantan Selatan 71111',
 '0517-32454', 'dukcapil.rantau777@gmail.com', '0811-5113-141', 'https://dukcapil.tapinkab.go.id/', 'LOCAL',
 5, 5, 10, 50, 'SK 045 Tahun 2023: verifikasi 5 menit, validasi dan PIN 5 menit, aktivasi 10 menit, penyelesaian 50 menit'),
('351814-KEC-BAGOR', 'Kecamatan Bagor, Kabupaten Nganjuk', 'DISTRICT', '35.18.14',
 'Jl. Pramuka No. 05, Petak, Bagor, Nganjuk 64461',
 '0358-321702', 'bagorkecamatan501@gmail.com', '0858-9943-4853', 'https://bagor.nganjukkab.go.id', 'LOCAL',
 5, 5, 10, 60, 'SK 138/24/K411.501/2023: verifikasi 5 menit, validasi dan PIN 5 menit, aktivasi 10 menit, penyelesaian 1 jam'),
('352417-KEC-SUKODADI', 'Kecamatan Sukodadi, Kabupaten Lamongan', 'DISTRICT', '35.24.17',
 'Kantor Kecamatan Sukodadi, Kabupaten Lamongan, Jawa Timur',
 null, null, null, 'https://lamongankab.go.id', 'LOCAL',
 5, 5, 10, 37, 'SOP 000.8.3.3/361/SOP/413.317/2025: verifikasi 5 menit, validasi dan PIN 5 menit, aktivasi 10 menit; tanpa waktu penyelesaian, maka jumlah langkah SOP (36,5 menit)'),
('1376-DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil Kota Payakumbuh', 'REGENCY', '13.76',
 'Jalan Jambu, Payakumbuh, Sumatera Barat 26213',
 '0752-796135', null, null, 'https://www.disdukcapil.payakumbuhkota.go.id', 'CENTRAL',
 5, 5, 10, 1440, 'SK 400.12.4.2/037/DKPS/2024: verifikasi dan validasi oleh Ditjen Dukcapil; waktu langkah tidak disebut (standar suite 5/5/10 menit), penyelesaian 1 hari'),
('3513-DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Probolinggo', 'REGENCY', '35.13',
 'Jalan Raya Dringu No. 901, Kedungdalem, Dringu, Probolinggo 67271',
 '0335-420829', 'dispendukcapilkabprob@gmail.com', '0813-7770-3600', 'http://disdukcapil.probolinggokab.go.id/', 'CENTRAL',
 5, 10, 15, 480, 'SOP Probolinggo: input NIK pada SIAK 5 menit, pindai QR dan PIN 10 menit, aktivasi 15 menit, penyelesaian 1 hari kerja (8 jam)'),
('DITJEN-DUKCAPIL', 'Direktorat Jenderal Kependudukan dan Pencatatan Sipil, Kementerian Dalam Negeri', 'NATIONAL', null,
 'Jl. Raya Pasar Minggu Km. 19, Jakarta Selatan 12510',
 '1500537', null, null, 'https://dukcapil.kemendagri.go.id', 'CENTRAL',
 5, 5, 10, 1440, 'Verifikator pusat: memeriksa pengajuan kantor dengan model persetujuan pusat; antrean nasional untuk NIK tanpa kantor setempat');
