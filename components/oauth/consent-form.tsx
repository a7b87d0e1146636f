"use client";
// Approve or refuse; the server answers with where to send the browser back to the
// client (the console's CSP lets forms post only to the console itself).
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function ConsentForm({ query }: { query: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function decide(decision: "approve" | "refuse") {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/oauth/authorize", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, decision }),
      });
      const body = (await response.json()) as { redirectTo?: string; error?: { message: string } };
      if (!response.ok || !body.redirectTo) throw new Error(body.error?.message ?? `The server answered ${response.status}.`);
      window.location.assign(body.redirectTo);
    } catch (failure) {
      setBusy(false);
      setError(`Nothing was granted: ${(failure as Error).message}`);
    }
  }

  return (
    <div>
      {error ? (
        <p role="alert" className="mb-3 rounded-md bg-danger-bg px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button disabled={busy} onClick={() => void decide("approve")} autoFocus>
          Allow
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => void decide("refuse")}>
          Refuse
        </Button>
      </div>
    </div>
  );
}
