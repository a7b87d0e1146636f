// Unknown /api/v1 paths answer in the API's error shape instead of an HTML 404 page.
import { errorResponse } from "@/lib/http/api-route";

const notFound = async () => errorResponse(404, "not_found", "There is no such API endpoint.");

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
