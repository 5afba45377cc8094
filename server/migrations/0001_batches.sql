-- The team server's tables. The server checks and relays signed batches; it never merges, so it keeps each
-- batch's text exactly as it was sent (clients check its signature themselves) next to the facts it checked.

-- One row per inspection on this server: its lead's key (from the first team list) and the last batch number.
CREATE TABLE inspections (
  id           text PRIMARY KEY,
  lead_key     text NOT NULL,
  last_seq     bigint NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- Every team list the lead has put, kept; the highest version is the one in force.
CREATE TABLE rosters (
  inspection_id text NOT NULL REFERENCES inspections (id),
  version       bigint NOT NULL,
  body          text NOT NULL,
  stored_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (inspection_id, version)
);

-- Each device's chain of batches for an inspection: its key, the last counter and hash accepted.
CREATE TABLE devices (
  inspection_id text NOT NULL REFERENCES inspections (id),
  device        text NOT NULL,
  public_key    text NOT NULL,
  last_counter  bigint NOT NULL,
  last_hash     text NOT NULL,
  PRIMARY KEY (inspection_id, device)
);

-- The batches, partitioned by the year the server received them (the server's clock, never a laptop's), so a
-- year's changes can be archived or dropped as one table. seq numbers an inspection's batches 1, 2, 3… in the
-- order they were accepted; readers page through them with it.
CREATE TABLE batches (
  inspection_id text NOT NULL,
  seq           bigint NOT NULL,
  device        text NOT NULL,
  first_counter bigint NOT NULL,
  last_counter  bigint NOT NULL,
  hash          text NOT NULL,
  signer_key    text NOT NULL,
  body          text NOT NULL,
  received_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (inspection_id, seq, received_at)
) PARTITION BY RANGE (received_at);

CREATE INDEX batches_by_device ON batches (inspection_id, device, first_counter);
CREATE INDEX batches_by_hash ON batches (inspection_id, hash);

-- Anything outside the yearly partitions the server makes ahead of time (see partitions.ts) lands here.
CREATE TABLE batches_other_years PARTITION OF batches DEFAULT;

-- Batches refused because they contradict one already accepted (a cloned device, a forked chain): kept for the
-- lead and the administrator to look at, never relayed.
CREATE TABLE quarantine (
  id            bigserial PRIMARY KEY,
  inspection_id text NOT NULL,
  device        text NOT NULL,
  first_counter bigint NOT NULL,
  last_counter  bigint NOT NULL,
  hash          text NOT NULL,
  signer_key    text NOT NULL,
  reason        text NOT NULL,
  body          text NOT NULL,
  received_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (inspection_id, hash)
);

-- One-time sign-in challenges and the short-lived tokens they buy, kept in the database so that any of several
-- endpoints can answer any request.
CREATE TABLE challenges (
  challenge  text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  public_key text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
