-- Two accounts for WTfC Collect's database, so that not even the app itself can change the audit log.
--
-- wtfc_owner owns the tables: only it can change them (and it makes them: give its address to the first
-- start, or to copy-data). wtfc_app is what the app servers sign in as: it may read and write the records,
-- recordings and refused tries, but may only ADD to the audit log (no UPDATE, DELETE or TRUNCATE), and may
-- not alter a table or switch off a trigger.
--
-- Run as a database superuser, after the tables exist (after the first start with the owner's address):
--   psql -v ON_ERROR_STOP=1 -d wtfc -f deploy/postgres-roles.sql
-- Both roles must exist already, with passwords:
--   createuser --pwprompt wtfc_owner ; createuser --pwprompt wtfc_app ; createdb --owner wtfc_owner wtfc
-- Run it again after an upgrade of WTfC Collect that adds tables.

GRANT CONNECT ON DATABASE wtfc TO wtfc_app;
GRANT USAGE ON SCHEMA public TO wtfc_app;
GRANT SELECT ON wtfc_schema_migrations, wtfc_meta TO wtfc_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON wtfc_records, wtfc_recordings, wtfc_attempts TO wtfc_app;
GRANT SELECT, UPDATE ON wtfc_version TO wtfc_app;
GRANT SELECT, INSERT ON wtfc_audit TO wtfc_app;
GRANT USAGE ON SEQUENCE wtfc_saved_order, wtfc_audit_position_seq TO wtfc_app;
REVOKE UPDATE, DELETE, TRUNCATE ON wtfc_audit FROM wtfc_app;
