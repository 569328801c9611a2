-- Complaints (pengaduan, issue 17 item 6): filed by citizens without login, worked by the office in the portal.
create table complaint (
    id                     uuid        primary key,
    ticket                 text        not null unique,
    office_code            text        not null references office (code),
    category               text        not null check (category in ('SERVICE', 'STAFF', 'APPLICATION', 'DATA', 'OTHER')),
    body                   text        not null,
    registration_reference text,
    email                  text,
    phone                  text,
    language               text        not null default 'id',
    status                 text        not null default 'RECEIVED'
        check (status in ('RECEIVED', 'VERIFYING', 'MEDIATING', 'COORDINATING', 'CLOSED')),
    assignee               text,
    answer                 text,
    filed_at               timestamptz not null,
    due_at                 timestamptz not null,
    updated_at             timestamptz not null,
    closed_at              timestamptz,
    check (email is not null or phone is not null),
    check (status <> 'CLOSED' or (answer is not null and closed_at is not null))
);
create index complaint_office_status on complaint (office_code, status, filed_at);
create index complaint_filed_at on complaint (filed_at);

-- What happened to a complaint: status changes, assignments and internal notes (author = operator username).
create table complaint_note (
    id            bigserial   primary key,
    complaint_id  uuid        not null references complaint (id) on delete cascade,
    author        text        not null,
    status        text,
    assignee      text,
    note          text,
    at            timestamptz not null
);
create index complaint_note_complaint on complaint_note (complaint_id, id);

-- The ticket's running number per office and local day: ADU-<office>-<yyyymmdd>-<n>.
create table complaint_ticket_counter (
    office_code text not null,
    day         date not null,
    last        int  not null,
    primary key (office_code, day)
);

-- Captcha solutions already used (single use), kept until their challenge expires.
create table complaint_captcha_used (
    challenge  text        primary key,
    expires_at timestamptz not null
);
