// The standard OTLP path, so an exporter pointed at Tourniquet's base URL just works.
import { handleOtlpTraces } from "@/lib/http/otlp-route";

export const POST = handleOtlpTraces;
