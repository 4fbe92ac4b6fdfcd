// The audit log in the web app: a token's Activity in its details, the Audit log page
// reached from there (filtered to the token) and from the top bar, its filters, older
// entries loading as the table scrolls, and Export CSV downloading what the filters match.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const b = require('./lib/browser');
const { query } = require('../http/api_client');

const NAME = 'Release Pipeline';

test('activity in the details, the Audit log page, its filters, paging and CSV export', async (t) => {
  const { server, page } = await b.startBrowserTest(t, { signInAs: 'owner@acme.test' });
  const base = server.baseUrl;
  const wid = await b.workspaceId(page, base);
  const { accessToken } = await b.createTokenViaApi(page, base, { name: 'Release', workspace_role: 'workspace_member' });
  const tokenPath = `${base}/api/v1/workspace/${wid}/access-tokens/${accessToken.id}`;
  assert.equal((await b.apiSend(page, 'PATCH', tokenPath, { name: NAME })).status, 200);
  assert.equal((await b.apiSend(page, 'POST', `${tokenPath}/disable`)).status, 200);

  // Activity in the details: newest first, with what changed.
  await b.reloadApp(page);
  await b.clickItem(page, { role: 'row', label: NAME });
  const within = 'Access Token Details';
  await b.waitForItem(page, { role: 'text', label: 'Activity', within });
  await b.waitForItem(page, { role: 'text', label: /^Disabled\s+·\s+Olivia Owens\s+·\s+/, within });
  await b.waitForItem(page, { role: 'text', label: /^Edited\s+·\s+Olivia Owens\s+·\s+/, within });
  await b.waitForItem(page, { role: 'text', label: `name: Release → ${NAME}`, within });
  await b.waitForItem(page, { role: 'text', label: /^Created\s+·\s+Olivia Owens\s+·\s+/, within });

  // Enabling it there adds the entry at once.
  await b.clickItem(page, { role: 'button', label: 'Enable', within });
  await b.waitForItem(page, { role: 'text', label: /^Enabled\s+·\s+Olivia Owens\s+·\s+/, within });

  // To the Audit log page, filtered to the token.
  await b.clickItem(page, { role: 'button', label: 'Open in the Audit log', within });
  await b.waitForItem(page, { role: 'text', label: 'Audit log' });
  await b.waitForItem(page, { role: 'button', label: `Token “${NAME}”` });
  const rows = await b.waitForRows(page, [
    `Enabled “${NAME}” by Olivia Owens, just now, from 127.0.0.1`,
    `Disabled “${NAME}” by Olivia Owens, just now, from 127.0.0.1`,
    `Edited “${NAME}” by Olivia Owens, just now, from 127.0.0.1`,
    `Created “${NAME}” by Olivia Owens, just now, from 127.0.0.1`,
  ], { ordered: true });
  assert.equal(rows.length, 4);
  // The accessibility mirror names the table and each row as a sentence.
  await page.getByRole('table', { name: 'Audit log' })
    .getByRole('row', { name: `Edited “${NAME}” by Olivia Owens, just now, from 127.0.0.1` })
    .waitFor({ state: 'attached' });
  await b.waitForItem(page, { role: 'text', label: '4 entries match' });

  // The chip removes the token filter; the action filter narrows again.
  await b.clickItem(page, { role: 'button', label: `Token “${NAME}”` });
  await b.waitForItem(page, { role: 'row', label: /^Signed in Olivia Owens by Olivia Owens/ });
  await b.choose(page, { role: 'combo', label: 'Action filter' }, 'Edited');
  await b.waitForRows(page, [`Edited “${NAME}” by Olivia Owens, just now, from 127.0.0.1`]);

  // Export CSV: the browser downloads every matching entry.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    b.clickItem(page, { role: 'button', label: 'Export CSV' }),
  ]);
  assert.match(download.suggestedFilename(), /^hawzu-audit-log-\d+-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const lines = csv.split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'id,time,action,actor_type,actor_id,actor_name,target_type,target_id,target_name,ip,details');
  assert.equal(lines.length, 2, csv);
  assert.match(lines[1], new RegExp(`,edit,user,\\d+,Olivia Owens,access_token,${accessToken.id},${NAME},127\\.0\\.0\\.1,`));

  // Older entries load as the table's end scrolls into view.
  const values = [];
  for (let i = 0; i < 130; i++)
    values.push(`(${1600000000 + i}, ${wid}, 'access_token.edit', 'access_token', ${900000 + i}, '{}')`);
  query(server, `INSERT INTO audit_log (time, workspace_id, action, target_type, target_id, details) VALUES ${values.join(',')}`);
  await b.clickItem(page, { role: 'button', label: 'Clear filters' });
  await b.choose(page, { role: 'combo', label: 'Action filter' }, 'Edited');
  await b.waitForItem(page, { role: 'row', label: /^Edited Token 900129 by Hawzu \(automatic\)/ });
  const deadline = Date.now() + 20000;
  while (!(await b.find(page, { role: 'row', label: /^Edited Token 900000 by Hawzu/ }))) {
    assert.ok(Date.now() < deadline, `never reached the oldest entry: ${JSON.stringify(await b.rowLabels(page))}`);
    await page.mouse.move(640, 600);
    await page.mouse.wheel(0, 2000);
    await b.settle(page);
  }

  // The Access Tokens page again, from the top bar.
  await b.clickItem(page, { role: 'button', label: 'Access Tokens' });
  await b.waitForItem(page, { role: 'row', label: NAME });
});

test('Coordinators, Members and Viewers have no Audit log page', async (t) => {
  const { page } = await b.startBrowserTest(t, { signInAs: 'viewer@acme.test' });
  await b.settle(page);
  assert.equal(await b.find(page, { role: 'button', label: 'Audit log' }), null);
});
