-- Standards given in working days (issue 17, item 2). A null completion_working_days keeps the
-- office's completion standard in minutes of the clock; a value counts it on the working-day calendar.
alter table office add column completion_working_days integer check (completion_working_days > 0);
-- The central review (SOP step 4 of central-approval offices) has its own standard: one working day
-- of the office that took the case, no longer its 5-10 minute validation standard.
alter table office add column central_review_working_days integer not null default 1
    check (central_review_working_days > 0);

-- Seed 003 (Probolinggo): "1 hari kerja" for the whole service.
update office set completion_working_days = 1 where code = '3513-DISDUKCAPIL';
