-- The running cases a calendar correction moved (issue 17, gap G7), written once after they took
-- the correction: append-only, like the change log row it belongs to.
-- CreateTable
CREATE TABLE "ReferenceChangeCases" (
    "changeId" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cases" JSONB NOT NULL,

    CONSTRAINT "ReferenceChangeCases_pkey" PRIMARY KEY ("changeId")
);

-- AddForeignKey
ALTER TABLE "ReferenceChangeCases" ADD CONSTRAINT "ReferenceChangeCases_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "ReferenceChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE FUNCTION "ReferenceChangeCases_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ReferenceChangeCases is append-only: % refused', TG_OP
    USING ERRCODE = 'P0001';
END;
$$;

CREATE TRIGGER "ReferenceChangeCases_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "ReferenceChangeCases"
  FOR EACH STATEMENT EXECUTE FUNCTION "ReferenceChangeCases_refuse_change"();
