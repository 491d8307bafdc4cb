// A person at the provider, done with plain fetch: follow its redirects by hand, fill its
// login and consent forms as they come, stop at the redirect back to the relying party.
// Nothing of the protocol is faked: the provider sees ordinary browser requests.

// A tiny cookie jar for one host (the provider): name -> value; expired cookies removed.
export class CookieJar {
  #cookies = new Map();

  store(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = attrs.some((a) => {
        const [k, v = ''] = a.split('=').map((s) => s.trim());
        if (/^max-age$/i.test(k)) return Number(v) <= 0;
        if (/^expires$/i.test(k)) return Date.parse(v) <= Date.now();
        return false;
      });
      if (gone || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header() {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

const unescapeHtml = (s) => s.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'")
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x2F;/g, '/').replace(/&amp;/g, '&');
const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`, 'i'));
  return m ? unescapeHtml(m[1]) : undefined;
};

// The first POST form of a page: its action and its inputs (name -> value).
export function parseForm(html) {
  const form = html.match(/<form\b[^>]*>([\s\S]*?)<\/form>/i);
  if (!form) return null;
  const open = form[0].match(/<form\b[^>]*>/i)[0];
  const fields = {};
  for (const input of form[1].match(/<input\b[^>]*>/gi) ?? []) {
    const name = attr(input, 'name');
    if (name) fields[name] = attr(input, 'value') ?? '';
  }
  return { action: attr(open, 'action') ?? '', method: (attr(open, 'method') ?? 'get').toLowerCase(), fields };
}

// From the provider's authorization URL to the URL it sends the browser back to (starting
// with `redirectUri`), logging in as `login`. Returns that URL without calling it.
export async function walkProvider(authorizationUrl, { login = 'somchai', redirectUri, maxSteps = 20 } = {}) {
  const jar = new CookieJar();
  let url = authorizationUrl;
  let init = { method: 'GET' };
  const seen = [];
  for (let step = 0; step < maxSteps; step += 1) {
    if (redirectUri && url.startsWith(redirectUri)) return url;
    seen.push(`${init.method} ${url}`);
    const r = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, Cookie: jar.header() } });
    jar.store(r);
    if (r.status >= 300 && r.status < 400) {
      url = new URL(r.headers.get('location'), url).href;
      init = { method: 'GET' };
      continue;
    }
    const body = await r.text();
    const form = r.status === 200 ? parseForm(body) : null;
    if (!form || form.method !== 'post') {
      throw new Error(`provider answered ${r.status} without a form at ${url}:\n${body.slice(0, 600)}\nsteps:\n${seen.join('\n')}`);
    }
    // devInteractions: the login form (login + any password), then the consent form.
    if ('login' in form.fields) form.fields.login = login;
    if ('password' in form.fields) form.fields.password = 'any-password';
    url = new URL(form.action, url).href;
    init = {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form.fields).toString(),
    };
  }
  throw new Error(`no redirect back after ${maxSteps} steps:\n${seen.join('\n')}`);
}

// A whole proof, as the relying party's user makes it: start at `serverUrl` for `purpose`,
// walk the provider as `login`, call the callback; the identity token it hands back (throws
// when the server sends the person to the failure route instead).
export async function proveIdentity(serverUrl, { purpose = 'access_request', next = '/access-request', login = 'somchai' } = {}) {
  const start = await fetch(`${serverUrl}/api/v1/auth/oidc/thaid/start?${new URLSearchParams({ purpose, next })}`, { redirect: 'manual' });
  if (start.status !== 302) throw new Error(`start: ${start.status} ${await start.text()}`);
  const redirectUri = new URL(start.headers.get('location')).searchParams.get('redirect_uri');
  const callback = await walkProvider(start.headers.get('location'), { login, redirectUri });
  const back = (await fetch(callback, { redirect: 'manual' })).headers.get('location') ?? '';
  const token = new URLSearchParams(back.split('?')[1] ?? '').get('identity_token');
  if (!token) throw new Error(`no identity token: ${back}`);
  return token;
}
