"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { userRoles } from "@/lib/auth/roles";
import { ApiClientError } from "@/lib/http/api-client";
import { useCreateUserMutation } from "@/lib/users/queries";

export function AddPersonForm() {
  const create = useCreateUserMutation();
  const [shown, setShown] = useState<{ email: string; password: string } | null>(null);
  const error = create.error instanceof ApiClientError ? create.error : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    create.mutate(
      {
        email: String(form.get("email") ?? ""),
        name: String(form.get("name") ?? ""),
        role: String(form.get("role")) as (typeof userRoles)[number],
        ...(password ? { password } : {}),
      },
      {
        onSuccess: (reply, _input) => {
          event.currentTarget?.reset();
          setShown(reply.initialPassword ? { email: reply.user.email, password: reply.initialPassword } : null);
        },
      },
    );
  }

  return (
    <div>
      <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-start" noValidate aria-label="Add a person">
        <TextField label="Email" name="email" type="email" required error={error?.fieldError("email")} />
        <TextField label="Name" name="name" required error={error?.fieldError("name")} />
        <SelectField label="Role" name="role" defaultValue="viewer">
          {userRoles.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Password (optional)"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="Leave empty to generate one"
          error={error?.fieldError("password")}
        />
        <div className="flex flex-col gap-1.5">
          <span aria-hidden className="hidden text-sm lg:block">&nbsp;</span>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add person"}
          </Button>
        </div>
      </form>
      {error && !error.details ? (
        <p role="alert" className="mt-3 text-sm text-danger">
          {error.message}
        </p>
      ) : null}
      {shown ? (
        <div role="status" className="mt-4 rounded-md border border-warn bg-warn-bg p-3 text-sm text-warn">
          Password for <strong>{shown.email}</strong>, shown once — hand it over now:{" "}
          <code className="select-all rounded bg-surface px-1.5 py-0.5 font-mono text-fg">{shown.password}</code>
        </div>
      ) : null}
    </div>
  );
}
