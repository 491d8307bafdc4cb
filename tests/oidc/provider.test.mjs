// Proves the fixture by itself (no school server): discovery, the login and consent walk,
// the code exchange with PKCE and client_secret_basic done here in node, the ID token
// carrying ThaID's claims, each tamper mode breaking exactly one check, key rotation.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';

import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';

import { walkProvider } from './flow.mjs';
import { TAMPER_MODES, generateKeys, nationalIdValid, people, startProvider } from './provider.mjs';

// Never called: the walk stops when the provider redirects here.
const redirectUri = 'http://127.0.0.1:9/api/v1/auth/oidc/thaid/callback';
const b64url = (buf) => buf.toString('base64url');
let provider;

before(async () => { provider = await startProvider({ redirectUris: [redirectUri] }); });
after(async () => { await provider?.stop(); });

const discovery = async (p = provider) => (await fetch(`${p.issuer}/.well-known/openid-configuration`)).json();

// An authorization request as the relying party would make it; returns what it needs to
// redeem the code and the callback URL the provider sent the person back to.
async function authorize({ p = provider, login = 'somchai', pkce = true } = {}) {
  const d = await discovery(p);
  const verifier = b64url(randomBytes(32));
  const state = b64url(randomBytes(16));
  const nonce = b64url(randomBytes(16));
  const q = new URLSearchParams({
    response_type: 'code', client_id: p.clientId, redirect_uri: redirectUri,
    scope: 'openid profile pid', state, nonce,
  });
  if (pkce) {
    q.set('code_challenge', b64url(createHash('sha256').update(verifier).digest()));
    q.set('code_challenge_method', 'S256');
  }
  const back = new URL(await walkProvider(`${d.authorization_endpoint}?${q}`, { login, redirectUri }));
  return { d, verifier, state, nonce, back };
}

async function redeem(d, code, verifier, p = provider) {
  const r = await fetch(d.token_endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${Buffer.from(`${p.clientId}:${p.clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier }),
  });
  return { status: r.status, json: await r.json() };
}

// What a relying party checks: signature by the published JWKS, iss, aud, exp.
async function verify(idToken, p = provider) {
  const jwks = await (await fetch((await discovery(p)).jwks_uri)).json();
  return jwtVerify(idToken, createLocalJWKSet(jwks), { issuer: p.issuer, audience: p.clientId });
}

test('the test people carry valid national IDs (but badpid)', () => {
  for (const [id, person] of Object.entries(people)) assert.equal(nationalIdValid(person.pid), id !== 'badpid', id);
  assert.equal(people.somchai.pid, '1101700230708');
});

test('discovery names the issuer, S256, the pid scope and claims, client_secret_basic', async () => {
  assert.match(provider.issuer, /^http:\/\/127\.0\.0\.1:\d+$/);
  const d = await discovery();
  assert.equal(d.issuer, provider.issuer);
  for (const k of ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'userinfo_endpoint'])
    assert.ok(d[k].startsWith(provider.issuer), k);
  assert.deepEqual(d.code_challenge_methods_supported, ['S256']);
  for (const s of ['openid', 'profile', 'pid']) assert.ok(d.scopes_supported.includes(s), s);
  for (const c of ['pid', 'title', 'given_name', 'family_name']) assert.ok(d.claims_supported.includes(c), c);
  assert.ok(d.token_endpoint_auth_methods_supported.includes('client_secret_basic'));
  assert.ok(d.id_token_signing_alg_values_supported.includes('RS256'));
});

test('the JWKS publishes the public half of the keys in use, by kid', async () => {
  const jwks = await (await fetch((await discovery()).jwks_uri)).json();
  assert.deepEqual(jwks.keys.map((k) => k.kid), provider.jwks.keys.map((k) => k.kid));
  for (const k of jwks.keys) assert.equal(k.d, undefined, 'no private part published');
});

test('login + consent give a code; PKCE exchange gives an ID token with ThaID claims', async () => {
  const { d, verifier, state, nonce, back } = await authorize();
  assert.equal(back.origin + back.pathname, redirectUri);
  assert.equal(back.searchParams.get('state'), state);
  assert.equal(back.searchParams.get('iss'), provider.issuer);
  const code = back.searchParams.get('code');
  assert.ok(code);
  const { status, json } = await redeem(d, code, verifier);
  assert.equal(status, 200, JSON.stringify(json));
  assert.equal(decodeProtectedHeader(json.id_token).kid, provider.jwks.keys[0].kid);
  const { payload } = await verify(json.id_token);
  assert.equal(payload.sub, 'somchai');
  assert.equal(payload.nonce, nonce);
  assert.equal(payload.pid, '1101700230708');
  assert.equal(payload.title, 'นาย');
  assert.equal(payload.given_name, 'สมชาย');
  assert.equal(payload.family_name, 'ใจดี');
  // The same person behind userinfo, with the access token.
  const info = await (await fetch(d.userinfo_endpoint, { headers: { Authorization: `Bearer ${json.access_token}` } })).json();
  assert.equal(info.pid, '1101700230708');
  // A code works once.
  const again = await redeem(d, code, verifier);
  assert.equal(again.status, 400);
  assert.equal(again.json.error, 'invalid_grant');
});

test('another login name is another person', async () => {
  const { d, verifier, back } = await authorize({ login: 'malee' });
  const { json } = await redeem(d, back.searchParams.get('code'), verifier);
  const { payload } = await verify(json.id_token);
  assert.deepEqual([payload.sub, payload.pid, payload.title, payload.given_name], ['malee', '3101200456789', 'นางสาว', 'มาลี']);
});

test('PKCE is required, and the verifier must match', async () => {
  const without = await authorize({ pkce: false });
  assert.equal(without.back.searchParams.get('error'), 'invalid_request');
  assert.equal(without.back.searchParams.get('code'), null);
  const { d, back } = await authorize();
  const wrong = await redeem(d, back.searchParams.get('code'), b64url(randomBytes(32)));
  assert.equal(wrong.status, 400);
  assert.equal(wrong.json.error, 'invalid_grant');
});

test('a wrong client secret is refused at the token endpoint', async () => {
  const { d, verifier, back } = await authorize();
  const r = await redeem(d, back.searchParams.get('code'), verifier, { ...provider, clientSecret: 'not-it' });
  assert.equal(r.status, 401);
  assert.equal(r.json.error, 'invalid_client');
});

// Each mode breaks exactly one check and keeps the rest of the honest claims.
const expectations = {
  other_key: { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' },
  expired: { code: 'ERR_JWT_EXPIRED', claim: 'exp' },
  wrong_audience: { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'aud' },
  wrong_issuer: { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'iss' },
  wrong_nonce: { claim: 'nonce' },
};
for (const mode of TAMPER_MODES) {
  test(`tamper ${mode}: the token endpoint returns a token failing only that check`, async () => {
    const honest = await authorize();
    const honestTokens = await redeem(honest.d, honest.back.searchParams.get('code'), honest.verifier);
    const honestClaims = decodeJwt(honestTokens.json.id_token);
    const { d, verifier, nonce, back } = await authorize();
    // Over HTTP, as someone trying it by hand would.
    const set = await fetch(`${provider.issuer}/__test/tamper`, { method: 'POST', body: JSON.stringify({ mode }) });
    assert.equal(set.status, 200);
    try {
      const { status, json } = await redeem(d, back.searchParams.get('code'), verifier);
      assert.equal(status, 200);
      assert.ok(json.access_token, 'the rest of the answer is the honest one');
      assert.equal(decodeProtectedHeader(json.id_token).kid, provider.jwks.keys[0].kid);
      const claims = decodeJwt(json.id_token);
      const { code, claim } = expectations[mode];
      if (code) await assert.rejects(verify(json.id_token), (e) => e.code === code && (!claim || e.claim === claim));
      else await verify(json.id_token);
      assert.equal(claims.nonce === nonce, mode !== 'wrong_nonce');
      for (const k of ['sub', 'pid', 'title', 'given_name', 'family_name', 'name'])
        assert.equal(claims[k], honestClaims[k], k);
      if (mode === 'expired') assert.ok(claims.exp < Date.now() / 1000 - 3000 && claims.iat < claims.exp);
    } finally {
      provider.setTamper(null);
    }
    const after = await authorize();
    const tokens = await redeem(after.d, after.back.searchParams.get('code'), after.verifier);
    await verify(tokens.json.id_token);  // honest again
  });
}

test('key rotation: a new provider on the same port with new keys, same client', async () => {
  const { port } = provider;
  const oldKid = provider.jwks.keys[0].kid;
  const t0 = Date.now();
  await provider.stop();
  assert.ok(Date.now() - t0 < 2000, 'stop() is prompt');
  const keys = await generateKeys(2);
  provider = await startProvider({ port, redirectUris: [redirectUri], keys });
  assert.equal(provider.port, port);
  const jwks = await (await fetch((await discovery()).jwks_uri)).json();
  assert.deepEqual(jwks.keys.map((k) => k.kid), keys.keys.map((k) => k.kid));
  assert.ok(!jwks.keys.some((k) => k.kid === oldKid));
  const { d, verifier, back } = await authorize();
  const { json } = await redeem(d, back.searchParams.get('code'), verifier);
  assert.equal(decodeProtectedHeader(json.id_token).kid, keys.keys[0].kid);
  await verify(json.id_token);
});

test('stop() closes kept-alive connections at once', async () => {
  const { port } = provider;
  await fetch(`${provider.issuer}/.well-known/openid-configuration`);  // leaves a keep-alive socket
  const t0 = Date.now();
  await provider.stop();
  assert.ok(Date.now() - t0 < 1000, `stop took ${Date.now() - t0} ms`);
  await assert.rejects(fetch(`http://127.0.0.1:${port}/.well-known/openid-configuration`));
  provider = await startProvider({ port, redirectUris: [redirectUri] });
});
