-- Central review, properly (issue 17, items 5 and 8).
-- central_due_at: when the central verifier's review of a submitted case is due: the office's
-- central_review_working_days counted on its working calendar (office hours, weekends, holidays)
-- from the submission. The central queue is ordered by it.
-- returned_*: the last "return to office" by a central verifier, with the note the office sees on
-- the case page. The case is back in the office's queue (IN_REVIEW) and SOP step 3 restarts at
-- returned_at; the whole-service clock still counts from the first scan.
alter table verification_case add column central_due_at timestamptz;
alter table verification_case add column returned_at timestamptz;
alter table verification_case add column returned_by uuid;
alter table verification_case add column return_note text;
alter table verification_case add column return_count integer not null default 0;
create index verification_case_central_due on verification_case (central_due_at) where status = 'AWAITING_CENTRAL';
