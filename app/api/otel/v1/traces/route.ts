import { handleOtlpTraces } from "@/lib/http/otlp-route";

export const POST = handleOtlpTraces;
