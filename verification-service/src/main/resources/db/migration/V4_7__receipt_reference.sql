-- The receipt (tanda terima) reference of a case (issue 17, item 3): given when the counter first
-- prints the request form or the receipt, and checked on the public page without login. Random
-- (60 bits, ReceiptReference), so that references cannot be enumerated; it names no person, and
-- retention's pseudonymisation leaves it (the public check shows only status, office and dates).
alter table verification_case add column receipt_reference text;
create unique index verification_case_receipt_reference on verification_case (receipt_reference)
    where receipt_reference is not null;
