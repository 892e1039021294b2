"""The PostgreSQL tables, as numbered migrations applied in order, each once, in one transaction.

``wtfc_schema_migrations`` lists the ones applied. A migration is never edited once released: a change is a
new migration at the end. Every server runs ``migrate`` when it opens the database; an advisory lock makes
servers starting together take turns, so each migration runs exactly once.

What the database itself enforces (not only the code):
- the audit log is append-only: a trigger refuses UPDATE, DELETE and TRUNCATE on ``wtfc_audit``;
- a person's words are never overwritten: a trigger refuses an UPDATE of a review that changes the text of a
  statement it already holds;
- voice recordings go with their review: deleting a review deletes its recordings;
- ``version()``: every change to the records or the audit log adds one to a counter row, in the same
  transaction, so every server sees a new version exactly when it can see the change. The counter is spread
  over 16 rows (a change picks one at random) so that saves at the same moment do not queue for one row.

Tables are named ``wtfc_…`` so they can share a database or schema with others; to keep them in a schema of
their own, put ``options=-csearch_path=NAME`` in the address.
"""

from __future__ import annotations

from typing import NamedTuple

#: Top-level fields that ``find`` looks up often enough to index (each with the collection and the order
#: the records were first saved). Other fields are compared too, within the rows these find.
INDEXED_FIELDS = (
    "project_id",
    "review_id",
    "theme_id",
    "success_id",
    "root_cause_id",
    "target_id",
    "username",
    "code_hash",
)
VERSION_SLOTS = 16
WORDS_CHANGED = "WTF01"  # SQLSTATE raised when a save would change a person's words
AUDIT_CHANGED = "WTF02"  # SQLSTATE raised when anything tries to change or remove an audit entry


class Migration(NamedTuple):
    number: int
    name: str
    sql: str




def column(field: str) -> str:
    """The column that holds a copy of an indexed field (kept by PostgreSQL from the record itself)."""
    return f"k_{field}"


# Each indexed field is a generated column (a copy of the record's field, kept by PostgreSQL) with an index
# on it, rather than an index on an expression of the record: then a save that leaves those fields alone
# touches no index at all (a "HOT" update, with room left on each page for it), and writes about half the
# log an index on the expression would.
_COLUMNS = "\n".join(
    f"ALTER TABLE wtfc_records ADD COLUMN {column(field)} jsonb "
    f"GENERATED ALWAYS AS (doc -> '{field}') STORED;"
    for field in INDEXED_FIELDS
)
_INDEXES = "\n".join(
    f"CREATE INDEX wtfc_records_by_{field} ON wtfc_records (collection, {column(field)}, saved_order) "
    f"WHERE {column(field)} IS NOT NULL;"
    for field in INDEXED_FIELDS
)

# Fixed text: the field names and numbers above, nothing from outside.
_FIRST = f"""
CREATE SEQUENCE wtfc_saved_order;

CREATE TABLE wtfc_meta (
    name text PRIMARY KEY,
    value jsonb NOT NULL
);

CREATE TABLE wtfc_records (
    collection text NOT NULL CHECK (collection <> 'audit'),
    id text NOT NULL,
    revision integer NOT NULL CHECK (revision >= 1),
    saved_order bigint NOT NULL DEFAULT nextval('wtfc_saved_order'),
    doc jsonb NOT NULL,
    PRIMARY KEY (collection, id)
) WITH (fillfactor = 80);
{_COLUMNS}
CREATE INDEX wtfc_records_in_order ON wtfc_records (collection, saved_order);
{_INDEXES}

CREATE TABLE wtfc_audit (
    position bigserial PRIMARY KEY,
    id text NOT NULL UNIQUE,
    record_id text NOT NULL,
    doc jsonb NOT NULL
);
CREATE INDEX wtfc_audit_by_record ON wtfc_audit (record_id, position);

CREATE TABLE wtfc_recordings (
    review_id text NOT NULL,
    recording_id text NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (review_id, recording_id)
);

CREATE TABLE wtfc_attempts (
    key text NOT NULL,
    at timestamptz NOT NULL
);
CREATE INDEX wtfc_attempts_by_key ON wtfc_attempts (key, at);
CREATE INDEX wtfc_attempts_by_time ON wtfc_attempts (at);

CREATE TABLE wtfc_version (
    slot smallint PRIMARY KEY,
    changes bigint NOT NULL
);
INSERT INTO wtfc_version SELECT slot, 0 FROM generate_series(0, {VERSION_SLOTS - 1}) AS slot;

CREATE FUNCTION wtfc_note_change() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    chosen smallint := floor(random() * {VERSION_SLOTS})::smallint;  -- once, not once a row
BEGIN
    IF EXISTS (SELECT 1 FROM changed_rows) THEN
        UPDATE wtfc_version SET changes = changes + 1 WHERE slot = chosen;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER wtfc_records_inserted AFTER INSERT ON wtfc_records
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION wtfc_note_change();
CREATE TRIGGER wtfc_records_updated AFTER UPDATE ON wtfc_records
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION wtfc_note_change();
CREATE TRIGGER wtfc_records_deleted AFTER DELETE ON wtfc_records
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION wtfc_note_change();
CREATE TRIGGER wtfc_audit_inserted AFTER INSERT ON wtfc_audit
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION wtfc_note_change();

CREATE FUNCTION wtfc_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The audit log is append-only: entries are never changed or removed.'
        USING ERRCODE = '{AUDIT_CHANGED}';
END $$;
CREATE TRIGGER wtfc_audit_append_only BEFORE UPDATE OR DELETE ON wtfc_audit
    FOR EACH ROW EXECUTE FUNCTION wtfc_refuse_audit_change();
CREATE TRIGGER wtfc_audit_never_emptied BEFORE TRUNCATE ON wtfc_audit
    FOR EACH STATEMENT EXECUTE FUNCTION wtfc_refuse_audit_change();

CREATE FUNCTION wtfc_keep_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1
        FROM jsonb_array_elements(OLD.doc -> 'statements') AS before
        JOIN jsonb_array_elements(NEW.doc -> 'statements') AS after ON before -> 'id' = after -> 'id'
        WHERE before -> 'text' IS DISTINCT FROM after -> 'text'
    ) THEN
        RAISE EXCEPTION 'The words a person said cannot be changed once recorded.'
            USING ERRCODE = '{WORDS_CHANGED}';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER wtfc_reviews_keep_words BEFORE UPDATE ON wtfc_records
    FOR EACH ROW WHEN (OLD.collection = 'reviews' AND OLD.doc -> 'statements' IS DISTINCT FROM
                       NEW.doc -> 'statements')
    EXECUTE FUNCTION wtfc_keep_words();

CREATE FUNCTION wtfc_erase_recordings() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM wtfc_recordings WHERE review_id = OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER wtfc_reviews_take_their_recordings AFTER DELETE ON wtfc_records
    FOR EACH ROW WHEN (OLD.collection = 'reviews') EXECUTE FUNCTION wtfc_erase_recordings();
"""  # noqa: S608

#: Every migration, in order. Add new ones at the end; never change one that has been released.
MIGRATIONS: tuple[Migration, ...] = (Migration(1, "records, audit log, recordings, refused tries", _FIRST),)

#: Made before any migration runs, outside the numbered list: where the applied ones are written down.
LEDGER = """
CREATE TABLE IF NOT EXISTS wtfc_schema_migrations (
    number integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)
"""

#: The advisory lock every server takes while it migrates (a constant: "WTfC" in ASCII).
MIGRATION_LOCK = 0x57546643


def latest() -> int:
    return MIGRATIONS[-1].number
