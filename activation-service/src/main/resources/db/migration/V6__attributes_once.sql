-- An identity's attributes are its approval's (identity.registration_id references it, one to one):
-- kept there once instead of copied into the identity when it is activated. V5 had copied them
-- from both JSON columns, so the approval already holds the same values.
alter table identity
    drop column full_name,
    drop column birth_place,
    drop column birth_date,
    drop column sex,
    drop column address,
    drop column rt_rw,
    drop column village_name,
    drop column district_code,
    drop column district_name,
    drop column regency_name,
    drop column province_name,
    drop column religion,
    drop column marital_status,
    drop column occupation,
    drop column nationality,
    drop column ktp_el_status,
    drop column photo_sha256;
