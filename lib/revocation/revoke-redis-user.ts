// Contains a Redis ACL user: ACL SETUSER <user> off (its AUTH fails from now on),
// then CLIENT KILL USER <user> for connections already authenticated. The user name
// goes as one RESP argument, never spliced into a command line; unknown users are not
// created (ACL SETUSER would), and the connector's own user is refused.
import Redis from "ioredis";
import { type RevocationOutcome, describeFailure, failed, revoked } from "./outcome";

export const REDIS_USER = /^[A-Za-z0-9_.:@-]{1,128}$/;

export function connectRedis(connection: string): Redis {
  return new Redis(connection, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 1, retryStrategy: () => null, enableOfflineQueue: false });
}

export async function revokeRedisUser(connection: string, user: string): Promise<RevocationOutcome> {
  if (!REDIS_USER.test(user)) return failed(`"${user.slice(0, 80)}" is not a user name this connector acts on`, true, "invalid_user");
  const own = decodeURIComponent(new URL(connection).username) || "default";
  if (user === own) return failed(`${user} is the connector's own user; it is never disabled`, true, "refused");
  const client = connectRedis(connection);
  try {
    await client.connect();
    const existing = await client.call("ACL", "GETUSER", user);
    if (existing === null) return failed(`no ACL user named ${user}`, true, "no_such_user");
    await client.call("ACL", "SETUSER", user, "off");
    await client.call("CLIENT", "KILL", "USER", user);
    return revoked();
  } catch (error) {
    return failed(`Redis: ${describeFailure(error)}`);
  } finally {
    client.disconnect();
  }
}
