-- Every index on carts is one more write for each cart the abandonment scan marks (budget: 100,000 carts in under
-- 5 s). The hourly retention job can afford a sequential scan, so updated_at loses its index.
DROP INDEX IF EXISTS carts_updated_idx;
