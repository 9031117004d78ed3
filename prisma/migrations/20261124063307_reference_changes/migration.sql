-- CreateTable
CREATE TABLE "ReferenceChange" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT NOT NULL,
    "table" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "ReferenceChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReferenceChange_table_key_idx" ON "ReferenceChange"("table", "key");

-- ReferenceChange is the audit log of reference-data corrections: like CaseEvent, a row once
-- written never changes. Statement-level, so even an UPDATE/DELETE matching no row is refused.
CREATE FUNCTION "ReferenceChange_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ReferenceChange is append-only: % refused', TG_OP
    USING ERRCODE = 'P0001',
          HINT = 'Record a correction as a new change instead.';
END;
$$;

CREATE TRIGGER "ReferenceChange_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "ReferenceChange"
  FOR EACH STATEMENT EXECUTE FUNCTION "ReferenceChange_refuse_change"();
