// Contains a PostgreSQL role: ALTER ROLE … NOLOGIN so no new session starts, then
// pg_terminate_backend for every session it has open. The role name is bound as a
// parameter where a value is expected and quoted as an identifier (postgres.js
// `sql(name)`) in ALTER ROLE, after a strict check; superusers and the connector's own
// role are refused, since disabling them could lock the database's admins out.
import postgres from "postgres";
import { type RevocationOutcome, describeFailure, failed, revoked } from "./outcome";

export const ROLE_NAME = /^[A-Za-z_][A-Za-z0-9_$.@-]{0,62}$/;

export function connectPostgres(connection: string) {
  return postgres(connection, { max: 1, connect_timeout: 5, idle_timeout: 1, onnotice: () => {}, prepare: false });
}

export async function revokePostgresRole(connection: string, role: string): Promise<RevocationOutcome> {
  if (!ROLE_NAME.test(role)) return failed(`"${role.slice(0, 80)}" is not a role name this connector acts on`, true, "invalid_role");
  const sql = connectPostgres(connection);
  try {
    const [found] = await sql<{ rolsuper: boolean; self: boolean }[]>`
      select rolsuper, rolname = current_user as self from pg_roles where rolname = ${role}`;
    if (!found) return failed(`no role named ${role}`, true, "no_such_role");
    if (found.rolsuper || found.self) return failed(`${role} is a superuser or the connector's own role; it is never disabled`, true, "refused");
    await sql`alter role ${sql(role)} nologin`;
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where usename = ${role} and pid <> pg_backend_pid()`;
    // A terminated backend leaves pg_stat_activity only once it has exited: wait briefly for it.
    let left: { open: number } | undefined;
    for (let attempt = 0; attempt < 30; attempt++) {
      [left] = await sql<{ open: number }[]>`select count(*)::int as open from pg_stat_activity where usename = ${role}`;
      if (!left || left.open === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (left && left.open > 0) return failed(`${role} cannot log in any more, but ${left.open} session(s) could not be ended (the connection needs pg_signal_backend)`, false, "sessions_left");
    return revoked();
  } catch (error) {
    return failed(`PostgreSQL: ${describeFailure(error)}`);
  } finally {
    await sql.end({ timeout: 2 });
  }
}
