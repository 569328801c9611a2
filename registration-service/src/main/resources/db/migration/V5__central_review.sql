-- The central review on the citizen's timeline (issue 17, item 8): "Menunggu verifikasi pusat" with
-- the time the review is expected by (CentralReviewChanged PENDING), and a return to the office.
alter table registration_event add column expected_at timestamptz;
