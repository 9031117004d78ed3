-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "keyId" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "atMs" BIGINT NOT NULL,
    "allowed" BOOLEAN NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("keyId")
);

-- Refills the bucket of one API key at per_ms tokens a millisecond, up to capacity, as of now_ms
-- (a bucket seen first is full), and takes a token when a whole one is there. The row lock makes
-- requests racing on several API instances take turns, so none overspends the bucket; an instance
-- whose clock lags another's neither refills nor moves the bucket back in time.
CREATE FUNCTION "RateLimitBucket_take"(key_id TEXT, capacity DOUBLE PRECISION, per_ms DOUBLE PRECISION, now_ms BIGINT)
RETURNS TABLE ("tokens" DOUBLE PRECISION, "allowed" BOOLEAN)
LANGUAGE plpgsql AS $$
DECLARE
  level DOUBLE PRECISION;
BEGIN
  INSERT INTO "RateLimitBucket" ("keyId", "tokens", "atMs", "allowed") VALUES (key_id, capacity, now_ms, FALSE)
    ON CONFLICT ("keyId") DO NOTHING;
  SELECT LEAST(capacity, b."tokens" + GREATEST(0, now_ms - b."atMs") * per_ms) INTO level
    FROM "RateLimitBucket" b WHERE b."keyId" = key_id FOR UPDATE;
  RETURN QUERY
    UPDATE "RateLimitBucket" b
       SET "tokens" = level - CASE WHEN level >= 1 THEN 1 ELSE 0 END,
           "allowed" = level >= 1,
           "atMs" = GREATEST(b."atMs", now_ms)
     WHERE b."keyId" = key_id
    RETURNING b."tokens", b."allowed";
END;
$$;
