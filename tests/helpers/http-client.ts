/**
 * A small HTTP client that behaves like a browser session against the test server: it keeps
 * cookies, sends our Origin with every POST, and fills in the CSRF field from the last page.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(readonly baseUrl: string) {}

  get origin(): string {
    return new URL(this.baseUrl).origin;
  }

  /** GET a path (redirects are not followed, so tests can see them). */
  async get(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await this.request(path, { ...init, method: "GET" });
    return response;
  }

  /** GET a page and return its HTML, remembering the page's CSRF token. */
  async page(path: string): Promise<{ response: Response; html: string }> {
    const response = await this.get(path);
    const html = await response.text();
    const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrfToken = token;
    return { response, html };
  }

  /**
   * POST a form as a browser would. The CSRF token is added unless `fields.csrf` is given
   * (use `csrf: null` to send none). Fetches "/" first when no token is known yet.
   */
  async post(
    path: string,
    fields: Record<string, string | null>,
    { origin = this.origin as string | null, headers = {} as Record<string, string> } = {},
  ): Promise<Response> {
    if (!("csrf" in fields) && !this.csrfToken) await this.page("/");
    const body = new URLSearchParams();
    const withToken = "csrf" in fields ? fields : { ...fields, csrf: this.csrfToken };
    for (const [name, value] of Object.entries(withToken)) if (value !== null) body.append(name, value);
    const allHeaders: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded", ...headers };
    if (origin) allHeaders.Origin = origin;
    return this.request(path, { method: "POST", body, headers: allHeaders });
  }

  async request(path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set("Cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}
