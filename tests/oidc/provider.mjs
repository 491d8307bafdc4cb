// A real OpenID provider (the npm package oidc-provider) standing in for ThaID in tests:
// plain http on loopback, RS256 keys of its own, one confidential client, Thai test people
// whose ID token carries pid/title/given_name/family_name like ThaID's does. The only test
// hook is setTamper(), which swaps the token endpoint's id_token for one the test minted.
//
//   node tests/oidc/provider.mjs --port 9400 \
//     --redirect http://127.0.0.1:8080/api/v1/auth/oidc/thaid/callback
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Provider from 'oidc-provider';
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK } from 'jose';

// The people the provider knows; the login name is the key. Every pid passes the Thai
// check digit (d13 = (11 - sum(d[i] * (13 - i)) % 11) % 10) but 'badpid', kept for the
// server's national ID check.
export const people = {
  somchai: { pid: '1101700230708', title: 'นาย', given_name: 'สมชาย', family_name: 'ใจดี' },
  malee: { pid: '3101200456789', title: 'นางสาว', given_name: 'มาลี', family_name: 'มีสุข' },
  badpid: { pid: '1101700230705', title: 'นาย', given_name: 'ผิด', family_name: 'เลขบัตร' },
};

export const TAMPER_MODES = ['other_key', 'expired', 'wrong_audience', 'wrong_nonce', 'wrong_issuer'];

// Thai national ID check digit (exported so tests can prove the people above are valid).
export function nationalIdValid(id) {
  if (!/^\d{13}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(id[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(id[12]);
}

async function rsaJwk() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: `test-${randomUUID()}`, alg: 'RS256', use: 'sig' };
}

// A private JWKS with `count` fresh RSA keys, each with its own kid.
export async function generateKeys(count = 1) {
  const keys = [];
  for (let i = 0; i < count; i += 1) keys.push(await rsaJwk());
  return { keys };
}

async function readJson(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return raw ? JSON.parse(raw) : {};
}

export async function startProvider({
  port = 0, redirectUris, clientId = 'school-test', clientSecret = 'school-test-secret', keys,
} = {}) {
  if (!redirectUris?.length) throw new Error('startProvider: redirectUris is required');
  const jwks = keys ?? await generateKeys();
  // The issuer names the port, so listen first (port 0 picks a free one), then build the
  // provider and hand it the requests.
  let handler = (_req, res) => { res.statusCode = 503; res.end(); };
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const actualPort = server.address().port;
  const issuer = `http://127.0.0.1:${actualPort}`;

  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: redirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    jwks,
    // Scopes come from the claims' keys: openid, profile, pid.
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'title'],
      pid: ['pid'],
    },
    // ThaID puts the person in the ID token itself, not only behind userinfo.
    conformIdTokenClaims: false,
    // oidc-provider asks PKCE of public clients only; the relying party must send it anyway.
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    // Lifetimes in seconds (named, so the provider does not print a notice for each).
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 3600 },
    async findAccount(_ctx, id) {
      const person = people[id];
      if (!person) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, ...person, name: `${person.title}${person.given_name} ${person.family_name}` };
        },
      };
    },
  });
  // A fault of the provider itself (not a refused request, which tests send on purpose).
  provider.on('server_error', (_ctx, err) => console.error('provider server_error:', err));

  let tamper = null;
  const realKey = jwks.keys[0];
  const realPrivate = await importJWK(realKey, 'RS256');
  const { privateKey: otherPrivate } = await generateKeyPair('RS256');

  // The honest token's claims with one thing changed, signed as the mode requires.
  async function tampered(idToken) {
    const header = decodeProtectedHeader(idToken);
    const claims = { ...decodeJwt(idToken) };
    let signer = realPrivate;
    const now = Math.floor(Date.now() / 1000);
    switch (tamper) {
      case 'other_key': signer = otherPrivate; break;  // same kid, not the key behind it
      case 'expired': {
        const life = claims.exp - claims.iat;
        claims.exp = now - 3600;
        claims.iat = claims.exp - life;
        if (claims.auth_time) claims.auth_time = claims.iat;
        break;
      }
      case 'wrong_audience': claims.aud = 'someone-else'; break;
      case 'wrong_nonce': claims.nonce = 'not-the-nonce'; break;
      case 'wrong_issuer': claims.iss = 'http://127.0.0.1:1/not-the-issuer'; break;
      default: throw new Error(`unknown tamper mode ${tamper}`);
    }
    // The real key's kid in every mode: only the one changed thing may make it fail.
    return new SignJWT(claims).setProtectedHeader({ ...header, alg: 'RS256', kid: realKey.kid }).sign(signer);
  }

  provider.use(async (ctx, next) => {
    if (ctx.path === '/__test/tamper' && ctx.method === 'POST') {
      const { mode = null } = await readJson(ctx.req);
      if (mode !== null && !TAMPER_MODES.includes(mode)) ctx.throw(400, `unknown mode ${mode}`);
      tamper = mode;
      ctx.body = { mode };
      return;
    }
    await next();
    if (ctx.path === '/token' && tamper && ctx.body && typeof ctx.body === 'object' && ctx.body.id_token) {
      ctx.body = { ...ctx.body, id_token: await tampered(ctx.body.id_token) };
    }
  });

  handler = provider.callback();

  return {
    issuer,
    port: actualPort,
    jwks,
    people,
    clientId,
    clientSecret,
    setTamper(mode) {
      if (mode !== null && !TAMPER_MODES.includes(mode)) throw new Error(`unknown tamper mode ${mode}`);
      tamper = mode;
    },
    // Closes the listener and every open connection (keep-alive ones too) at once, so the
    // same port can serve a new provider right away.
    stop() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

// --- by hand ------------------------------------------------------------------------------
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const p = await startProvider({
    port: Number(arg('--port', '9400')),
    redirectUris: [arg('--redirect', 'http://127.0.0.1:8080/api/v1/auth/oidc/thaid/callback')],
  });
  console.log(`OpenID provider: ${p.issuer} (discovery ${p.issuer}/.well-known/openid-configuration)`);
  console.log(`client ${p.clientId} / ${p.clientSecret}; log in as any of: ${Object.keys(people).join(', ')} (any password)`);
  console.log(`server env: OIDC_THAID_ISSUER=${p.issuer} OIDC_THAID_CLIENT_ID=${p.clientId} OIDC_THAID_CLIENT_SECRET=${p.clientSecret}`);
  const quit = () => p.stop().then(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
