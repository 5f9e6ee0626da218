// SPDX-License-Identifier: EUPL-1.2
// A real OpenID provider for the tests of signing in through the municipality's identity
// provider (art3.2b, decision 24): panva's oidc-provider (OpenID Certified), from npm, on
// 127.0.0.1 at a free port. One confidential client (the code flow with PKCE required), the
// accounts given, and a sign-in page of its own that checks their passwords and asserts
// their `amr`; consent is implied for the one client, as at a municipality's own provider.
//
//   node oidc_provider.mjs '{"client": {"client_id": ..., "client_secret": ...,
//     "redirect_uris": [...]}, "accounts": {"login": {"password": ..., "amr": [...],
//     "claims": {...}}}}'
//
// The first line on stdout is {"issuer": "http://127.0.0.1:PORT"}; it runs until killed.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const config = JSON.parse(process.argv[2]);
const accounts = config.accounts;

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(uid, message) {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8">
<title>Gemeente Testdorp: inloggen</title></head><body><main>
<h1>Inloggen bij de gemeente Testdorp</h1>
${message ? `<p role="alert" id="provider-error">${escape(message)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}">
<label for="login">Gebruikersnaam</label> <input id="login" name="login" autocomplete="username">
<label for="password">Wachtwoord</label> <input id="password" name="password" type="password">
<button type="submit" id="provider-submit">Inloggen</button>
</form></main></body></html>`;
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function interaction(provider, req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid || details.prompt.name !== 'login') {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(`unexpected ${details.prompt.name}`);
    return;
  }
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(uid));
    return;
  }
  const form = await readForm(req);
  const login = form.get('login') ?? '';
  const account = Object.hasOwn(accounts, login) ? accounts[login] : undefined;
  if (!account || account.password !== form.get('password')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(page(uid, 'Onbekende gebruikersnaam of verkeerd wachtwoord.'));
    return;
  }
  await provider.interactionFinished(req, res, {
    login: { accountId: login, amr: account.amr ?? ['pwd'] },
  }, { mergeWithLastSubmission: false });
}

const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };

  const provider = new Provider(issuer, {
    clients: [{
      ...config.client,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    jwks: { keys: [key] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    // the ID token says how the account signed in (amr), as a municipality's provider does
    claims: {
      openid: ['sub', 'acr', 'amr', 'auth_time'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (ctx, details) => `/interaction/${details.uid}` },
    async findAccount(ctx, id) {
      if (!Object.hasOwn(accounts, id)) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...accounts[id].claims }) };
    },
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId
        || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
      await grant.save();
      return grant;
    },
    renderError(ctx, out) {
      ctx.type = 'text/plain';
      ctx.body = `${out.error}: ${out.error_description ?? ''}`;
    },
  });

  const handle = provider.callback();
  server.on('request', (req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url, issuer).pathname);
    if (!match) {
      handle(req, res);
      return;
    }
    interaction(provider, req, res, match[1]).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  console.log(JSON.stringify({ issuer }));
});
