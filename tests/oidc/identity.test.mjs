// The server as an OpenID Connect relying party (docs/api.md "Identity providers"), against
// the real provider of tests/oidc/provider.mjs: plain fetch, redirects followed by hand.
// Server env: OIDC_THAID_ISSUER/_CLIENT_ID/_CLIENT_SECRET, PUBLIC_URL=http://127.0.0.1:<port>;
// redirect URI {PUBLIC_URL}/api/v1/auth/oidc/thaid/callback. Success: 302 to
// {PUBLIC_URL}/#{next}?identity_token=<t> (sign_in: {PUBLIC_URL}/#{next} and a session
// cookie); failure: 302 to {PUBLIC_URL}/#/identity-failed?code=<code>.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { apiSession, freePort, startServer } from '../browser/harness.mjs';
import { walkProvider } from './flow.mjs';
import { generateKeys, people, startProvider } from './provider.mjs';

const CLIENT_ID = 'school-test';
const CLIENT_SECRET = 'school-test-secret';
const oidcEnv = (issuer, publicUrl) => ({
  OIDC_THAID_ISSUER: issuer, OIDC_THAID_CLIENT_ID: CLIENT_ID, OIDC_THAID_CLIENT_SECRET: CLIENT_SECRET, PUBLIC_URL: publicUrl,
});
// Never inherit a provider from the shell running the tests (undefined unsets it).
const noOidcEnv = { OIDC_THAID_ISSUER: undefined, OIDC_THAID_CLIENT_ID: undefined, OIDC_THAID_CLIENT_SECRET: undefined };

let server; let provider; let publicUrl; let callbackUri;

before(async () => {
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  callbackUri = `${publicUrl}/api/v1/auth/oidc/thaid/callback`;
  provider = await startProvider({ redirectUris: [callbackUri], clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  server = await startServer({ port, env: { ...noOidcEnv, ...oidcEnv(provider.issuer, publicUrl) } });
});
after(async () => {
  await server?.stop();
  await provider?.stop();
});

// Start at the server, walk the provider as `login`, return the URL the provider sends the
// person back to (not called here) with what start sent to the provider.
async function runFlow({ server: base = server.url, provider: p = provider, purpose = 'access_request', next = '/access-request', login = 'somchai' } = {}) {
  const q = new URLSearchParams({ purpose, next });
  const r = await fetch(`${base}/api/v1/auth/oidc/thaid/start?${q}`, { redirect: 'manual' });
  assert.equal(r.status, 302, `start: ${r.status} ${await r.text()}`);
  const authorization = new URL(r.headers.get('location'));
  const discovery = await (await fetch(`${p.issuer}/.well-known/openid-configuration`)).json();
  assert.equal(authorization.origin + authorization.pathname, discovery.authorization_endpoint);
  const params = authorization.searchParams;
  assert.equal(params.get('response_type'), 'code');
  assert.equal(params.get('client_id'), CLIENT_ID);
  assert.equal(params.get('redirect_uri'), callbackUri);
  assert.equal(params.get('code_challenge_method'), 'S256');
  assert.match(params.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);  // base64url SHA-256
  assert.ok(params.get('state'), 'state');
  assert.ok(params.get('nonce'), 'nonce');
  assert.ok(params.get('scope').split(' ').includes('openid'));
  const callback = await walkProvider(authorization.href, { login, redirectUri: callbackUri });
  const back = new URL(callback);
  assert.equal(back.searchParams.get('state'), params.get('state'));
  assert.ok(back.searchParams.get('code'), `the provider gave no code: ${callback}`);
  return { callback, state: params.get('state'), nonce: params.get('nonce') };
}

// Calls the callback (or any URL) without following the redirect; reads where it leads.
async function land(url) {
  const r = await fetch(url, { redirect: 'manual' });
  const location = r.headers.get('location') ?? '';
  const out = { status: r.status, location, cookies: r.headers.getSetCookie() };
  const failed = `${publicUrl}/#/identity-failed?code=`;
  if (location.startsWith(failed)) return { ...out, failure: new URL(location.replace('/#', '/')).searchParams.get('code') };
  const hash = location.startsWith(`${publicUrl}/#`) ? location.slice(publicUrl.length + 2) : null;
  const [route, query = ''] = (hash ?? '').split('?');
  return { ...out, route: hash === null ? null : route, token: new URLSearchParams(query).get('identity_token') };
}

function assertFailure(result, code) {
  assert.equal(result.status, 302);
  assert.ok(result.failure, `expected the failure route, got ${result.location}`);
  if (code) assert.equal(result.failure, code);
  assert.ok(!result.location.includes('identity_token='), result.location);
  assert.ok(!result.cookies.some((c) => c.startsWith('__Host-session=')), 'no session on a failure');
}

async function identity(token) {
  const r = await fetch(`${server.url}/api/v1/auth/identity/${encodeURIComponent(token)}`);
  const text = await r.text();
  return { status: r.status, text, json: JSON.parse(text) };
}

const withCallbackParam = (url, name, value) => {
  const u = new URL(url);
  if (value === null) u.searchParams.delete(name); else u.searchParams.set(name, value);
  return u.href;
};

describe('providers and start', () => {
  test('GET /api/v1/auth/providers lists thaid with its names', async () => {
    const list = await (await fetch(`${server.url}/api/v1/auth/providers`)).json();
    const thaid = list.find((p) => p.id === 'thaid');
    assert.ok(thaid, JSON.stringify(list));
    assert.ok(typeof thaid.name_th === 'string' && thaid.name_th.length > 0);
    assert.ok(typeof thaid.name_en === 'string' && thaid.name_en.length > 0);
  });

  test('start with an unknown provider: 404 provider_unknown', async () => {
    const r = await fetch(`${server.url}/api/v1/auth/oidc/nosuch/start?purpose=access_request&next=/access-request`, { redirect: 'manual' });
    assert.equal(r.status, 404);
    const { error } = await r.json();
    assert.equal(error.code, 'provider_unknown');
    assert.ok(error.message_th && error.message_en);
  });

  test('start refuses a next that leaves the app, and an unknown purpose', async () => {
    const bad = async (q) => {
      const r = await fetch(`${server.url}/api/v1/auth/oidc/thaid/start?${q}`, { redirect: 'manual' });
      assert.equal(r.status, 400, q);
      return (await r.json()).error.code;
    };
    assert.equal(await bad('purpose=access_request&next=https://evil.example/'), 'next_invalid');
    assert.equal(await bad('purpose=access_request&next=//evil.example'), 'next_invalid');
    assert.equal(await bad('purpose=nothing&next=/access-request'), 'purpose_invalid');
  });

  test('each start gets its own state, nonce and PKCE challenge', async () => {
    const start = async () => new URL((await fetch(`${server.url}/api/v1/auth/oidc/thaid/start?purpose=access_request&next=/access-request`, { redirect: 'manual' })).headers.get('location')).searchParams;
    const [a, b] = [await start(), await start()];
    for (const k of ['state', 'nonce', 'code_challenge']) assert.notEqual(a.get(k), b.get(k), k);
  });
});

describe('an honest flow', () => {
  test('access_request: back to #next with an identity token proving the person, ID masked', async () => {
    const { callback } = await runFlow({ purpose: 'access_request', next: '/access-request' });
    const result = await land(callback);
    assert.equal(result.status, 302);
    assert.equal(result.failure, undefined, result.location);
    assert.equal(result.route, '/access-request');
    assert.ok(result.token, result.location);
    assert.ok(!result.location.includes(people.somchai.pid));
    const { status, json, text } = await identity(result.token);
    assert.equal(status, 200, text);
    assert.equal(json.provider, 'thaid');
    assert.deepEqual(json.names, { title: 'นาย', first_name: 'สมชาย', last_name: 'ใจดี' });
    assert.equal(json.id_masked, '1-1017-xxxxx-xx-8');
    assert.ok(json.expires_in > 0 && json.expires_in <= 3600, `expires_in ${json.expires_in}`);
    // National IDs leave the server only masked: not whole, not the hidden middle digits.
    assert.ok(!text.includes(people.somchai.pid) && !text.includes('00230'), text);
  });

  test('registration, as another person: that person\'s names', async () => {
    const { callback } = await runFlow({ purpose: 'registration', next: '/register', login: 'malee' });
    const result = await land(callback);
    assert.equal(result.route, '/register', result.location);
    const { json, text } = await identity(result.token);
    assert.deepEqual(json.names, { title: 'นางสาว', first_name: 'มาลี', last_name: 'มีสุข' });
    assert.equal(json.id_masked, '3-1012-xxxxx-xx-9');
    assert.ok(!text.includes(people.malee.pid), text);
  });

  test('sign_in for the holder of an account: back to #next with a session', async () => {
    // The account: an access request proved by ThaID (malee), approved by the area admin,
    // made active by an issued password; approval gives the new user the national ID.
    const proof = await land((await runFlow({ purpose: 'access_request', next: '/access-request', login: 'malee' })).callback);
    const made = await fetch(`${server.url}/api/v1/access-requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        area_code: '1040000001', school_code: '1040010001', identity_token: proof.token,
        person: { title: 'นาง', first_name: 'ไม่ใช่', last_name: 'ชื่อจริง', position: 'ครู', phone: '0861112233', email: 'malee@example.org' },
      }),
    });
    assert.equal(made.status, 201, await made.clone().text());
    const accounts = await (await fetch(`${server.url}/api/v1/dev/accounts`)).json();
    const admin = await apiSession(server.url, 'area.admin', accounts.find((a) => a.username === 'area.admin').password);
    const approved = await admin.call('POST', `/api/v1/admin/access-requests/${(await made.json()).request_id}/approve`, {});
    assert.equal(approved.status, 200, approved.text);
    assert.equal(approved.json.person.first_name, 'มาลี', 'the names are the provider\'s');
    assert.equal((await admin.call('POST', `/api/v1/admin/users/${approved.json.user_id}/password`, {})).status, 200);

    const result = await land((await runFlow({ purpose: 'sign_in', next: '/', login: 'malee' })).callback);
    assert.equal(result.status, 302);
    assert.equal(result.location, `${publicUrl}/#/`);
    const session = result.cookies.find((c) => c.startsWith('__Host-session='));
    assert.ok(session, JSON.stringify(result.cookies));
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { Cookie: session.split(';')[0] } });
    assert.equal(me.status, 200);
    assert.equal((await me.json()).user.id, approved.json.user_id);
  });

  test('an identity token nobody was given: 404', async () => {
    const { status, json } = await identity('not-a-token-anyone-was-given');
    assert.equal(status, 404);
    assert.ok(json.error.code);
  });
});

describe('the callback refuses', () => {
  test('an altered state, a missing state; the untouched callback still works after', async () => {
    const { callback, state } = await runFlow();
    assertFailure(await land(withCallbackParam(callback, 'state', `${state.slice(0, -2)}xy`)), 'identity_state_invalid');
    assertFailure(await land(withCallbackParam(callback, 'state', null)), 'identity_state_invalid');
    const honest = await land(callback);
    assert.ok(honest.token, honest.location);
  });

  test('the same callback twice: the second fails and makes no second token', async () => {
    const { callback } = await runFlow();
    const first = await land(callback);
    assert.ok(first.token, first.location);
    const second = await land(callback);
    assertFailure(second, 'identity_state_invalid');
    assert.equal((await identity(first.token)).status, 200, 'the first proof stands');
  });

  test('a code from another flow (its PKCE verifier does not match): identity_code_refused', async () => {
    const a = await runFlow();
    const b = await runFlow();
    const swapped = withCallbackParam(b.callback, 'code', new URL(a.callback).searchParams.get('code'));
    assertFailure(await land(swapped), 'identity_code_refused');
    // Only b's state was spent; the provider checks PKCE before it consumes a code, so flow a
    // still completes.
    assert.ok((await land(a.callback)).token);
  });

  test('a code already redeemed, under a fresh state: identity_code_refused', async () => {
    const a = await runFlow();
    assert.ok((await land(a.callback)).token);
    const b = await runFlow();
    assertFailure(await land(withCallbackParam(b.callback, 'code', new URL(a.callback).searchParams.get('code'))), 'identity_code_refused');
  });

  test('a made-up code: identity_code_refused', async () => {
    const { callback } = await runFlow();
    assertFailure(await land(withCallbackParam(callback, 'code', 'made-up-code')), 'identity_code_refused');
  });

  test('the provider answering with an error: identity_denied', async () => {
    const { callback } = await runFlow();
    const denied = withCallbackParam(withCallbackParam(callback, 'code', null), 'error', 'access_denied');
    assertFailure(await land(denied), 'identity_denied');
  });

  const tamperCodes = {
    other_key: 'identity_signature_invalid',
    expired: 'identity_token_expired',
    wrong_audience: 'identity_audience_wrong',
    wrong_nonce: 'identity_nonce_mismatch',
    wrong_issuer: 'identity_issuer_wrong',
  };
  for (const [mode, code] of Object.entries(tamperCodes)) {
    test(`an ID token ${mode}: ${code}`, async () => {
      const { callback } = await runFlow();
      provider.setTamper(mode);
      try {
        assertFailure(await land(callback), code);
      } finally {
        provider.setTamper(null);
      }
    });
  }

  test('a national ID failing its check digit: identity_national_id_invalid', async () => {
    const { callback } = await runFlow({ login: 'badpid' });
    assertFailure(await land(callback), 'identity_national_id_invalid');
  });

  test('sign_in for a national ID nobody holds: identity_no_account, no session', async () => {
    const { callback } = await runFlow({ purpose: 'sign_in', next: '/' });
    assertFailure(await land(callback), 'identity_no_account');
  });

  test('the provider stopped between start and callback: identity_provider_unreachable', async () => {
    const { callback } = await runFlow();
    const { port, jwks } = provider;
    await provider.stop();
    try {
      assertFailure(await land(callback), 'identity_provider_unreachable');
    } finally {
      provider = await startProvider({ port, keys: jwks, redirectUris: [callbackUri], clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    }
    const after = await land((await runFlow()).callback);
    assert.ok(after.token, `the provider back: ${after.location}`);
  });
});

describe('keys', () => {
  test('key rotation: a new provider key is fetched without restarting the server', async () => {
    const before = await land((await runFlow()).callback);
    assert.ok(before.token, before.location);
    // The server fetches the JWKS again on an unknown kid, at most once every 5 s (so that
    // forged tokens cannot make it hammer the provider): let that pause pass.
    await new Promise((r) => setTimeout(r, 5500));
    const { port } = provider;
    const oldKids = provider.jwks.keys.map((k) => k.kid);
    await provider.stop();
    provider = await startProvider({ port, keys: await generateKeys(), redirectUris: [callbackUri], clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    assert.ok(!oldKids.includes(provider.jwks.keys[0].kid));
    const result = await land((await runFlow({ login: 'malee' })).callback);
    assert.equal(result.failure, undefined, result.location);
    assert.equal((await identity(result.token)).json.names.first_name, 'มาลี');
  });
});

describe('other servers', () => {
  test('a server without OIDC settings lists no providers and knows no thaid', async () => {
    const bare = await startServer({ env: noOidcEnv });
    try {
      assert.deepEqual(await (await fetch(`${bare.url}/api/v1/auth/providers`)).json(), []);
      const r = await fetch(`${bare.url}/api/v1/auth/oidc/thaid/start?purpose=access_request&next=/access-request`, { redirect: 'manual' });
      assert.equal(r.status, 404);
      assert.equal((await r.json()).error.code, 'provider_unknown');
    } finally {
      await bare.stop();
    }
  });

  test('start while the provider is down (never discovered): identity_provider_unreachable', async () => {
    const port = await freePort();
    const deadIssuer = `http://127.0.0.1:${await freePort()}`;  // nothing listens there
    const url = `http://127.0.0.1:${port}`;
    const other = await startServer({ port, env: { ...noOidcEnv, ...oidcEnv(deadIssuer, url) } });
    try {
      const r = await fetch(`${other.url}/api/v1/auth/oidc/thaid/start?purpose=access_request&next=/access-request`, { redirect: 'manual' });
      assert.equal(r.status, 302);
      assert.equal(r.headers.get('location'), `${url}/#/identity-failed?code=identity_provider_unreachable`);
    } finally {
      await other.stop();
    }
  });
});

// Last, once every flow above has run through the server.
test('the server\'s log never holds a national ID or a token endpoint secret', async () => {
  await new Promise((resolve) => setTimeout(resolve, 300));  // request lines are written a tenth of a second late
  const log = server.log();
  for (const person of Object.values(people)) assert.ok(!log.includes(person.pid), person.pid);
  assert.ok(!log.includes(CLIENT_SECRET));
});
