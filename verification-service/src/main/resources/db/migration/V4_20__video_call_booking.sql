-- Booking a video call (issue 18, "Booking"): each office's weekly hours for video calls in its own local
-- time (WIB/WITA/WIT), the length of a slot and how many calls run at once (operators on video), and the
-- citizens' bookings. Holidays come from the working-day calendar (holiday, V4_5): a holiday has no slots.
-- Changed through the admin API (PUT /api/v1/admin/offices/{code}/video-schedule; docs/operations.md).
alter table office add column video_slot_minutes integer not null default 15
    check (video_slot_minutes between 5 and 120);
alter table office add column video_slot_capacity integer not null default 1
    check (video_slot_capacity between 1 and 50);

-- Hours for video calls in the office's local time; an office with video calls on but no rows here offers no slot.
create table video_call_hours (
    office_code  text     not null references office (code),
    day_of_week  smallint not null check (day_of_week between 1 and 7),
    opens        time     not null,
    closes       time     not null check (opens < closes),
    primary key (office_code, day_of_week, opens)
);

-- Seeds 000 (Tapin, WITA) and 001 (Bagor, WIB) offer "Videocall" but publish no hours: the working
-- calendar's default (Monday to Friday, 08:00-16:00 local), less the midday break (12:00-13:00), one call at a time.
insert into video_call_hours (office_code, day_of_week, opens, closes)
select o.code, d.day, h.opens, h.closes
from office o
cross join (values (1), (2), (3), (4), (5)) as d (day)
cross join (values (time '08:00', time '12:00'), (time '13:00', time '16:00')) as h (opens, closes)
where o.code in ('6305-DISDUKCAPIL', '351814-KEC-BAGOR');

-- A citizen's booking of a slot. One BOOKED per registration; a rebooking moves the same row (status stays
-- BOOKED; the event says MOVED). Ends as CANCELLED (by the citizen), ATTENDED (a call was asked for around
-- the slot) or NO_SHOW (none within the no-show window; the case is not lost, the citizen may book again).
create table video_booking (
    id               uuid        primary key,
    registration_id  uuid        not null,
    case_id          uuid        not null references verification_case (id),
    office_code      text        not null references office (code),
    slot_start       timestamptz not null,
    slot_end         timestamptz not null check (slot_end > slot_start),
    status           text        not null check (status in ('BOOKED', 'CANCELLED', 'ATTENDED', 'NO_SHOW')),
    booked_at        timestamptz not null,
    changed_at       timestamptz not null
);
create unique index video_booking_active on video_booking (registration_id) where status = 'BOOKED';
create index video_booking_slot on video_booking (office_code, slot_start) where status = 'BOOKED';
create index video_booking_case on video_booking (case_id);

-- One row per slot that was ever booked: locked (select ... for update) while a booking counts the slot's
-- bookings against its capacity, so two citizens cannot both take the last place.
create table video_slot (
    office_code  text        not null references office (code),
    slot_start   timestamptz not null,
    primary key (office_code, slot_start)
);
