-- The QR credential (CWT/COSE, issue 20): what each relying party learned from a token, by scope
-- (space-separated), kept with the token's single use for the citizen's record.
alter table used_qr_token add column disclosed text not null default '';
