-- The source of actions Tourniquet records itself (for example a contained agent's
-- token still being presented). Its key hash matches no secret: nobody can send with it.
INSERT INTO "ingest_keys" ("id", "name", "prefix", "key_hash", "unknown_agents", "revoked_at")
VALUES ('00000000-0000-4000-8000-000000000001', 'tourniquet (internal)', 'internal', 'internal:no-secret', 'reject', now())
ON CONFLICT ("id") DO NOTHING;
