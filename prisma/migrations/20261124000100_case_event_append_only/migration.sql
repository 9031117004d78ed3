-- CaseEvent is the audit log and is hash-chained per case: once written, a row
-- must never change. Enforced in the database so that no code path (Prisma,
-- raw SQL, a console session) can rewrite or erase history. Statement-level,
-- so even an UPDATE/DELETE matching no row is refused: it signals a bug.
-- Corrections are new events.

CREATE FUNCTION "CaseEvent_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'CaseEvent is append-only: % refused', TG_OP
    USING ERRCODE = 'P0001',
          HINT = 'Record a correction as a new event instead.';
END;
$$;

CREATE TRIGGER "CaseEvent_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "CaseEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "CaseEvent_refuse_change"();
