-- Religion, marital status, occupation and nationality came with the registry record, but nothing in
-- the suite uses them: the KTP Digital card, the QR credential and the citizen's data view are made of
-- the other attributes (issue 21; docs/architecture.md, personal data per service). Since V7 no new
-- approval stores them; this drops what approvals made before it still held (UU PDP: data without a
-- purpose is not kept).
alter table approval
    drop column religion,
    drop column marital_status,
    drop column occupation,
    drop column nationality;
