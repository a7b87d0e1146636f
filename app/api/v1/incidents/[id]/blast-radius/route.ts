import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { invalidInput } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { blastRadius } from "@/lib/incidents/blast-radius";
import { blastRadiusCsv } from "@/lib/incidents/blast-radius-csv";
import { getReadDb } from "@/lib/db";

// JSON by default; `?format=csv` is the per-person table with every row.
export const GET = apiRoute<{ id: string }>(async ({ caller, params, request }) => {
  authorize(caller, "console:read");
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (format !== "json" && format !== "csv") throw invalidInput("format must be json or csv");
  const radius = await blastRadius(await getReadDb(), caller, params.id, { allExposures: format === "csv" });
  if (format === "json") return NextResponse.json(radius);
  return new NextResponse(blastRadiusCsv(radius.exposures), {
    headers: {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="blast-radius-${params.id}.csv"`,
    },
  });
});
