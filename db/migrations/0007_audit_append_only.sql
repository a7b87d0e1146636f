-- The audit log is append-only for the application: no UPDATE or DELETE, whatever a
-- bug or a compromised code path might try. (An operator with superuser rights can
-- still disable the trigger; the hash chain is what makes that visible.)
CREATE OR REPLACE FUNCTION tourniquet_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit entries cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "audit_entries"
  FOR EACH ROW EXECUTE FUNCTION tourniquet_audit_append_only();
