/** The ingest source of actions Tourniquet records itself (created by migration 0004). */
export const INTERNAL_SOURCE_ID = "00000000-0000-4000-8000-000000000001";
