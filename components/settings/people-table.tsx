"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { userRoles } from "@/lib/auth/roles";
import { useUpdateUserMutation, useUsersQuery } from "@/lib/users/queries";

export function PeopleTable({ currentUserId }: { currentUserId: string }) {
  const users = useUsersQuery();
  const update = useUpdateUserMutation();

  if (users.isPending) return <p className="text-sm text-muted">Loading people…</p>;
  if (users.isError) return <p role="alert" className="text-sm text-danger">{users.error.message}</p>;

  return (
    <div>
      {update.isError ? (
        <p role="alert" className="mb-3 rounded-md bg-danger-bg px-3 py-2 text-sm text-danger">
          {update.error.message}
        </p>
      ) : null}
      <div role="region" aria-label="People" tabIndex={0} className="overflow-x-auto rounded-lg border border-border bg-surface">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-border text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Person</th>
              <th scope="col" className="px-4 py-2 font-medium">Role</th>
              <th scope="col" className="px-4 py-2 font-medium">Sign-in</th>
              <th scope="col" className="px-4 py-2 font-medium">Last signed in</th>
              <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <tr key={user.id} className="border-b border-border last:border-0">
                <td className="px-4 py-2">
                  <span className="font-medium">{user.name}</span>
                  {user.id === currentUserId ? <span className="ml-2 text-xs text-muted">(you)</span> : null}
                  <span className="block text-xs text-muted">{user.email}</span>
                </td>
                <td className="px-4 py-2">
                  <select
                    aria-label={`Role of ${user.email}`}
                    value={user.role}
                    disabled={update.isPending}
                    onChange={(event) =>
                      update.mutate({ id: user.id, role: event.target.value as (typeof userRoles)[number] })
                    }
                    className="h-8 rounded-md border border-border bg-surface px-2 text-sm"
                  >
                    {userRoles.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="px-4 py-2">
                  {user.disabled ? (
                    <Badge tone="danger">disabled</Badge>
                  ) : user.hasPassword ? (
                    <Badge tone="ok">password</Badge>
                  ) : (
                    <Badge>single sign-on only</Badge>
                  )}
                </td>
                <td className="px-4 py-2 text-xs text-muted">
                  {user.lastSignInAt ? new Date(user.lastSignInAt).toLocaleString() : "never"}
                </td>
                <td className="px-4 py-2 text-right">
                  <Button
                    size="sm"
                    variant={user.disabled ? "secondary" : "ghost"}
                    disabled={update.isPending}
                    onClick={() => {
                      const verb = user.disabled ? "Enable" : "Disable";
                      if (window.confirm(`${verb} ${user.email}? ${user.disabled ? "" : "They are signed out at once."}`)) {
                        update.mutate({ id: user.id, disabled: !user.disabled });
                      }
                    }}
                  >
                    {user.disabled ? "Enable" : "Disable"}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
