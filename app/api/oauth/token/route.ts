// The OAuth 2.1 token endpoint for agents' clients (lib/oauth/).
import { handleTokenRequest } from "@/lib/oauth/token-endpoint";

export const POST = handleTokenRequest;
