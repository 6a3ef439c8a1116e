-- The embedded engine starts from an empty log after an app restart, so process instance keys
-- repeat across restarts: a finished order keeps its old key while a restarted one may be given
-- the same key again. Drop the UNIQUE constraint of V1 (created without a name, so it is dropped
-- with its column: portable between H2 and PostgreSQL) and keep a plain index for look-ups.
ALTER TABLE customer_order ADD COLUMN process_instance_key_v4 BIGINT;
UPDATE customer_order SET process_instance_key_v4 = process_instance_key;
ALTER TABLE customer_order DROP COLUMN process_instance_key;
ALTER TABLE customer_order RENAME COLUMN process_instance_key_v4 TO process_instance_key;
CREATE INDEX customer_order_by_instance ON customer_order (process_instance_key);
CREATE INDEX customer_order_by_status ON customer_order (status, created_at);
CREATE INDEX customer_order_by_created ON customer_order (created_at);
