-- The one internal model every ingest adapter loads into (SSD CSV, SSDA903, CIN census).
-- Every fact row carries the snapshot it came from and the file line it was read at,
-- so a figure can be re-created from any earlier extract and traced to its source row.
-- Identifiers are always text. Dates are DATE. Flags are BOOLEAN, NULL = unknown.

CREATE SCHEMA IF NOT EXISTS store;

CREATE TABLE IF NOT EXISTS store.meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS store.snapshot (
  snapshot_id VARCHAR PRIMARY KEY,   -- first 16 hex digits of content_sha256
  seq INTEGER NOT NULL,              -- load order (the first ingest of these files)
  la_code VARCHAR,                   -- old three-digit DfE code, NULL if not given
  extract_dir VARCHAR NOT NULL,
  extracted_at DATE NOT NULL,
  data_to DATE,                      -- latest event date in the extract (referral, s47, ICPC, plan, episode, review)
  loaded_at TIMESTAMP NOT NULL,
  content_sha256 VARCHAR NOT NULL,   -- over the LA code and every file's name and SHA-256
  population_source VARCHAR,
  made_current INTEGER               -- (v2) order in which snapshots were made current (ingested, or ingested again): the current one is the highest
);

CREATE TABLE IF NOT EXISTS store.snapshot_file (
  snapshot_id VARCHAR NOT NULL,
  file VARCHAR NOT NULL,             -- path relative to the extract folder
  adapter VARCHAR NOT NULL,
  target_table VARCHAR NOT NULL,
  bytes BIGINT NOT NULL,
  sha256 VARCHAR NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_loaded INTEGER NOT NULL,
  rows_quarantined INTEGER NOT NULL,
  columns_read VARCHAR[] NOT NULL,   -- source columns present and used
  columns_loaded VARCHAR[] NOT NULL, -- the internal columns they filled (what indicators require)
  columns_ignored VARCHAR[] NOT NULL
);

CREATE TABLE IF NOT EXISTS store.quarantine (
  snapshot_id VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  line INTEGER,
  column_name VARCHAR,
  value VARCHAR,
  reason VARCHAR NOT NULL
);

-- records loaded that a DfE validation rule says to check (rule = DfE rule number, NULL where DfE has none).
-- A warning never removes a record; messages hold no identifier (file and line say where to look).
CREATE TABLE IF NOT EXISTS store.warning (
  snapshot_id VARCHAR NOT NULL,
  rule VARCHAR,
  file VARCHAR NOT NULL,
  line INTEGER,
  message VARCHAR NOT NULL
);

-- (v2) Coverage (indicators.md, "Coverage"): the dates each table of a snapshot can speak for, from
-- covers_from to the snapshot's extracted_at. A figure for a period starting before it has no value.
-- rule: 'return' (the start of its earliest collection year), 'ssd-years' (the extract date less
-- --ssd-years), 'ssd-earliest' (the first day of the month of its earliest record, later than that),
-- 'ssd-all' (--ssd-years all: the whole history, from the month of its earliest record).
-- covers_from is NULL for a table with no records.
CREATE TABLE IF NOT EXISTS store.coverage (
  snapshot_id VARCHAR NOT NULL,
  target_table VARCHAR NOT NULL,
  covers_from DATE,
  rule VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS store.person (
  snapshot_id VARCHAR NOT NULL, source_line INTEGER,
  person_id VARCHAR NOT NULL, dob DATE, sex VARCHAR, ethnicity VARCHAR, death_date DATE, upn VARCHAR, expected_dob DATE
);

CREATE TABLE IF NOT EXISTS store.referral (
  snapshot_id VARCHAR NOT NULL, source_line INTEGER,
  referral_id VARCHAR NOT NULL, person_id VARCHAR NOT NULL, referral_date DATE NOT NULL, close_date DATE,
  nfa BOOLEAN, primary_need_code VARCHAR, referral_source_code VARCHAR
);

CREATE TABLE IF NOT EXISTS store.s47_enquiry (
  snapshot_id VARCHAR NOT NULL, source_line INTEGER,
  s47_id VARCHAR NOT NULL, person_id VARCHAR NOT NULL, start_date DATE NOT NULL, end_date DATE,
  referral_id VARCHAR, nfa BOOLEAN
);

CREATE TABLE IF NOT EXISTS store.icpc (
  snapshot_id VARCHAR NOT NULL, source_line INTEGER,
  icpc_id VARCHAR NOT NULL, person_id VARCHAR NOT NULL, icpc_date DATE NOT NULL, s47_id VARCHAR,
  cp_plan_id VARCHAR, transfer_in BOOLEAN, outcome_cp BOOLEAN, referral_id VARCHAR
);

CREATE TABLE IF NOT EXISTS store.cp_plan (
  snapshot_id VARCHAR NOT NULL, source_line INTEGER,
  cp_plan_id VARCHAR NOT NULL, person_id VARCHAR NOT NULL, start_date DATE NOT NULL, end_date DATE,
  icpc_id VARCHAR, referral_id VARCHAR, initial_category VARCHAR, latest_category VARCHAR,
  previous_plans INTEGER             -- CIN census NumberOfPreviousCPP (1+ = a repeat plan whatever the data holds); NULL where not given
);

CREATE TABLE IF NOT EXISTS store.cp_review (
  snapshot_id VARCHAR NOT NULL, source_line INTEGER,
  -- review_date NULL: a review not yet held (a due date only, extract.md v2); views.ts keeps it out of reviews held
  cp_review_id VARCHAR NOT NULL, cp_plan_id VARCHAR NOT NULL, review_date DATE, person_id VARCHAR, review_due DATE
);

CREATE TABLE IF NOT EXISTS store.cla_episode (
  snapshot_id VARCHAR NOT NULL, source_line INTEGER,
  cla_episode_id VARCHAR NOT NULL, person_id VARCHAR NOT NULL, start_date DATE NOT NULL, end_date DATE,
  cla_id VARCHAR,                    -- period of care; NULL = derived from unbroken runs of episodes
  start_reason VARCHAR, ceased_reason VARCHAR, legal_status VARCHAR, placement_type VARCHAR, entered_care_date DATE
);

CREATE TABLE IF NOT EXISTS store.legal_status (
  snapshot_id VARCHAR NOT NULL, source_line INTEGER,
  person_id VARCHAR NOT NULL, legal_status VARCHAR NOT NULL, start_date DATE NOT NULL, end_date DATE
);

CREATE TABLE IF NOT EXISTS store.cla_review (
  snapshot_id VARCHAR NOT NULL, source_line INTEGER,
  -- review_date NULL: a review not yet held (a due date only, extract.md v2); views.ts keeps it out of reviews held
  cla_review_id VARCHAR NOT NULL, review_date DATE, cla_id VARCHAR, person_id VARCHAR,
  review_due DATE, cancelled BOOLEAN, participation VARCHAR,
  iro_consulted BOOLEAN, sw_attended BOOLEAN, care_plan_current BOOLEAN
);

CREATE TABLE IF NOT EXISTS store.population (
  snapshot_id VARCHAR NOT NULL, source_line INTEGER,
  year INTEGER NOT NULL, population BIGINT NOT NULL, la_code VARCHAR, source VARCHAR NOT NULL
);

-- Comparators from plain benchmark files (indicator,period,comparator,value[,source]).
-- A later import of the same (indicator, period, comparator) replaces the earlier one.
CREATE TABLE IF NOT EXISTS store.benchmark (
  indicator VARCHAR NOT NULL, period VARCHAR NOT NULL, comparator VARCHAR NOT NULL,
  value DOUBLE, source VARCHAR NOT NULL, file VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL,
  PRIMARY KEY (indicator, period, comparator)
);

-- DfE published LA-level figures (explore-education-statistics CSVs), one row per
-- published cell. Importing a file of a kind replaces that kind: the database
-- holds one edition of each file.
CREATE TABLE IF NOT EXISTS store.dfe_measure (
  kind VARCHAR NOT NULL, time_period INTEGER NOT NULL, level VARCHAR NOT NULL,
  old_la_code VARCHAR NOT NULL, new_la_code VARCHAR NOT NULL, la_name VARCHAR NOT NULL, region_name VARCHAR NOT NULL,
  measure VARCHAR NOT NULL, value DOUBLE, raw VARCHAR NOT NULL, file VARCHAR NOT NULL
);

-- Statistical-neighbour models: each LA's ten neighbours, closest first.
CREATE TABLE IF NOT EXISTS store.dfe_sn_model (
  model VARCHAR NOT NULL, old_la_code VARCHAR NOT NULL, neighbours VARCHAR[] NOT NULL, file VARCHAR NOT NULL
);
