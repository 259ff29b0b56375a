/**
 * The console's HTTP boundary (issue #11), free of any one server: the local `npm run console`
 * (node:http) and the deployed console Lambda (a function URL behind CloudFront) each translate
 * their request into a ConsoleRequest and write back the ConsoleResponse, so every page, check and
 * header is the same code in both places.
 */
export interface ConsoleRequest {
  /** Upper case: GET, POST, … */
  method: string;
  /** The decoded path, beginning with `/`, without the query: `/councils/harbourne-tc/findings`. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case; a repeated header joined with `, ` (cookies with `; `). */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body as text (forms are application/x-www-form-urlencoded); empty for none. */
  body: string;
}

export interface ConsoleResponse {
  status: number;
  /** Header names in lower case; `set-cookie` is not here but in `cookies`. */
  headers: Record<string, string>;
  /** Each a whole Set-Cookie value. */
  cookies: string[];
  /** Text (HTML, CSS, JS) or bytes (images); binary bodies are base64-encoded by the Lambda adapter. */
  body: string | Uint8Array;
}

/** The console as both adapters see it. */
export type ConsoleHandler = (request: ConsoleRequest) => Promise<ConsoleResponse>;

/**
 * Sending people an invitation to sign in: Cognito's AdminCreateUser in AWS, a line in the local
 * provider's seeded users locally. The council membership itself is the store's (shared/review/members.ts).
 */
export interface Invitations {
  invite(request: { email: string; name?: string; councilId: string }): Promise<void>;
}
