-- Every answer to a relying party, valid or not (issue 19): the reference it can quote, when, who
-- asked, which attributes it learned (scopes, space-separated; empty when refused) and the verdict
-- (VALID or the refusal reason). The citizen's verification log reads it by subject. Deleted after
-- ikd.token.retention.verification-record (TokenRetention).
create table verification_record (
    reference      text        primary key,
    verified_at    timestamptz not null,
    relying_party  text        not null,
    subject        text,
    jti            text,
    disclosed      text        not null default '',
    verdict        text        not null
);
create index verification_record_subject on verification_record (subject, verified_at desc);
create index verification_record_relying_party on verification_record (relying_party, verified_at desc);
create index verification_record_verified_at on verification_record (verified_at);

-- The office that issued the identity (IdentityActivated.office), shown to the relying party.
alter table identity add column office_code text;
alter table identity add column office_name text;
