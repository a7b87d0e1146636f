// GET …/report?format=md|json|csv|pdf: streamed, with the SHA-256 at its end (CSV: in X-Report-SHA256).
import { authorize } from "@/lib/auth/authorize";
import { invalidInput } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { type ReportFormat, exportReport, reportFormats } from "@/lib/reports/export-report";
import { getReadDb } from "@/lib/db";

export const GET = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "console:read");
  const format = (request.nextUrl.searchParams.get("format") ?? "md") as ReportFormat;
  if (!reportFormats.includes(format)) throw invalidInput(`format is one of ${reportFormats.join(", ")}.`);
  const report = await exportReport(db, caller, params.id, format, await getReadDb());
  return new Response(report.body, {
    headers: {
      ...report.headers,
      "content-type": report.contentType,
      "content-disposition": `attachment; filename="${report.filename}"`,
      "cache-control": "no-store",
    },
  });
});
