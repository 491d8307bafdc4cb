// A school account registration proved by ThaID (docs/api.md "Identity providers"): the
// identity token stands in for the OTP, the officer's names and national ID are the
// provider's whatever the body says, a proof works once, and a made-up one changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { apiSession, freePort, startServer } from '../browser/harness.mjs';
import { proveIdentity } from './flow.mjs';
import { startProvider } from './provider.mjs';

let server; let provider;

before(async () => {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  provider = await startProvider({ redirectUris: [`${publicUrl}/api/v1/auth/oidc/thaid/callback`] });
  server = await startServer({
    port,
    env: {
      OIDC_THAID_ISSUER: provider.issuer, OIDC_THAID_CLIENT_ID: provider.clientId,
      OIDC_THAID_CLIENT_SECRET: provider.clientSecret, PUBLIC_URL: publicUrl,
    },
  });
});
after(async () => {
  await server?.stop();
  await provider?.stop();
});

// Typed names and ID that the provider's must replace.
const body = (extra) => ({
  affiliation: 'obec', institution_code: '1010720001',
  officer: { title: 'นางสาว', first_name: 'พิมพ์', last_name: 'ผิดคน', national_id: '3-1006-00000-00-1',
             position: 'ครู', phone: '081-234-5678', email: 'officer@example.org' },
  legacy: { tsl_username: '', kiddiary_username: '' },
  ...extra,
});

async function post(json) {
  const r = await fetch(`${server.url}/api/v1/registrations`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(json),
  });
  return { status: r.status, json: await r.json() };
}

test('a registration with a ThaID proof: no OTP, the officer is the provider\'s person', async () => {
  const token = await proveIdentity(server.url, { purpose: 'registration', next: '/register' });
  const created = await post(body({ identity_token: token }));
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const r = await fetch(`${server.url}/api/v1/registrations/${created.json.registration_id}`, {
    headers: { Authorization: `Bearer ${created.json.registration_token}` },
  });
  assert.equal(r.status, 200);
  const text = await r.text();
  const registration = JSON.parse(text);
  const officer = registration.officer ?? registration;
  assert.equal(officer.first_name, 'สมชาย');
  assert.equal(officer.last_name, 'ใจดี');
  assert.equal(officer.title, 'นาย');
  assert.ok(text.includes('1-1017-xxxxx-xx-8'), text);
  assert.ok(!text.includes('1101700230708') && !text.includes('3-1006'), 'only the provider\'s ID, masked');

  // The proof is spent.
  const again = await post(body({ identity_token: token }));
  assert.equal(again.status, 400);
  assert.equal(again.json.error.code, 'identity_token_invalid');
  assert.equal(again.json.error.field, 'identity_token');
});

test('a proof made to ask for school website access does not register an account', async () => {
  const token = await proveIdentity(server.url, { purpose: 'access_request', next: '/access-request' });
  const refused = await post(body({ institution_code: '1010720002', identity_token: token }));
  assert.equal(refused.status, 400);
  assert.equal(refused.json.error.code, 'identity_token_invalid');
});

test('a made-up identity token, or none and no OTP: 400 naming the field, nothing created', async () => {
  const before = await (await fetch(`${server.url}/api/v1/registrations?institution_code=1010720002`)).json();
  const made = await post(body({ institution_code: '1010720002', identity_token: 'made-up' }));
  assert.equal(made.status, 400);
  assert.equal(made.json.error.code, 'identity_token_invalid');
  assert.ok(made.json.error.message_th && made.json.error.message_en);
  const none = await post(body({ institution_code: '1010720002' }));
  assert.equal(none.status, 400);
  assert.equal(none.json.error.field, 'otp_token');
  const afterwards = await (await fetch(`${server.url}/api/v1/registrations?institution_code=1010720002`)).json();
  assert.deepEqual(afterwards, before);
});

test('every proof is audited: provider, purpose, subject and the masked ID; never a token or the full ID', async () => {
  await proveIdentity(server.url, { purpose: 'access_request', next: '/access-request', login: 'malee' });
  const accounts = await (await fetch(`${server.url}/api/v1/dev/accounts`)).json();
  const root = accounts.find((a) => a.username === 'centre.admin');
  const admin = await apiSession(server.url, root.username, root.password);
  const log = await admin.call('GET', '/api/v1/audit?action=identity&limit=200');
  assert.equal(log.status, 200, log.text);
  const proved = log.json.entries.filter((e) => e.action === 'identity.proved');
  const malee = proved.find((e) => JSON.stringify(e).includes('3-1012-xxxxx-xx-9'));
  assert.ok(malee, log.text);
  const detail = typeof malee.detail === 'string' ? JSON.parse(malee.detail) : malee.detail;
  assert.equal(detail.provider, 'thaid');
  assert.equal(detail.purpose, 'access_request');
  assert.ok(detail.subject, 'the subject at the provider');
  assert.ok(!log.text.includes('3101200456789') && !log.text.includes('1101700230708'), 'no full national ID');
  assert.ok(!/identity_token|eyJ[A-Za-z0-9_-]{10,}/.test(log.text), 'no token, no JWT');
});
