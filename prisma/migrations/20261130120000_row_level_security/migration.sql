-- Row-level security: the second wall of tenant isolation (docs/data-isolation.md).
--
-- Invariant: on every table with a "tenantId" column, a role that is neither superuser nor
-- BYPASSRLS sees and writes only rows whose "tenantId" equals current_setting('app.tenant_id');
-- with no setting it sees nothing. FORCE makes that hold for the table owner too. The app connects
-- as tenantry_app (no BYPASSRLS); migrations and the withoutTenant admin escape use the owner URL,
-- which must be a superuser or BYPASSRLS role. Proved by tests/isolation/rls.test.ts; the coverage
-- test there fails when a tenant-owned table lacks RLS.

-- 1. The app role. Roles are cluster-wide, so it may already exist (other databases, re-runs).
--    Production: create it beforehand with a password (see docs); this only fills the gap locally.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tenantry_app') THEN
    CREATE ROLE tenantry_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;

-- 2. DML on every table (and future ones); nothing on the migrations ledger.
DO $$
DECLARE s text := current_schema();
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO tenantry_app', s);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO tenantry_app', s);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO tenantry_app', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tenantry_app', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO tenantry_app', s);
  IF to_regclass(format('%I._prisma_migrations', s)) IS NOT NULL THEN
    EXECUTE format('REVOKE ALL ON %I._prisma_migrations FROM tenantry_app', s);
  END IF;
END $$;

-- 3. One function that (re)applies RLS to every table with a "tenantId" column, derived from the
--    catalog rather than a list. A later migration adding a tenant-owned model ends with
--    `SELECT tenantry_enable_rls();` (the coverage test reminds you).
CREATE OR REPLACE FUNCTION tenantry_enable_rls() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  t record;
  n integer := 0;
BEGIN
  FOR t IN
    SELECT c.table_schema, c.table_name
    FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.column_name = 'tenantId' AND c.table_schema = current_schema() AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', t.table_schema, t.table_name);
    EXECUTE format('ALTER TABLE %I.%I FORCE ROW LEVEL SECURITY', t.table_schema, t.table_name);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I.%I', t.table_schema, t.table_name);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I.%I USING ("tenantId" = current_setting(''app.tenant_id'', true)) '
      'WITH CHECK ("tenantId" = current_setting(''app.tenant_id'', true))',
      t.table_schema, t.table_name);
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;
REVOKE ALL ON FUNCTION tenantry_enable_rls() FROM PUBLIC;

SELECT tenantry_enable_rls();
