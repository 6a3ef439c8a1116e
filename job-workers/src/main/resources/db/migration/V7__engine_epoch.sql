-- The lifetimes of the engine's state as the app noticed them (a development engine that restarted,
-- a cluster that was reset: each begins empty and hands out the same job and instance keys again).
-- Timeline entries keyed by a job key (remote mode) carry the current epoch, so a key of the new
-- lifetime is not taken for the same key of the old one.
CREATE TABLE engine_epoch (
  id        VARCHAR(36)  PRIMARY KEY,
  began_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
