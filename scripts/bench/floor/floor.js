// The floor of `npm run bench`: the least a browser must do to show a Bill's run history. One fetch,
// the same request the console makes for its first page, and a plain <table>; with `?all=1` it then
// walks `nextToken` to the end, appending each page, and marks the end with `data-done` on <body>.
// `?render=0` walks without adding rows (the network and JSON alone, for reference); `?org=…&bill=…`
// override the organisation and Bill. No framework, no build step.
/* global window, document, fetch, URLSearchParams */
const API_BASE = '/m3ter';
const params = new URLSearchParams(window.location.search);
const ORG_ID = params.get('org') ?? '2d1c7a4e-5b0f-4c8e-9a51-7e3f0d6b8c21';
const BILL_ID = params.get('bill') ?? 'b1000000-acbe-4c0e-9b11-000000005000';
const ALL = params.get('all') === '1';
const RENDER = params.get('render') !== '0';

const tbody = document.querySelector('#runs tbody');
const status = document.getElementById('status');
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
const when = (iso) => (iso ? dateTime.format(new Date(iso)) : '—');

const pageUrl = (nextToken) =>
  `${API_BASE}/organizations/${encodeURIComponent(ORG_ID)}/integrationruns/Bill/${encodeURIComponent(BILL_ID)}` +
  `?order=DESC&pageSize=200${nextToken ? `&nextToken=${encodeURIComponent(nextToken)}` : ''}`;

async function fetchPage(nextToken) {
  const response = await fetch(pageUrl(nextToken), { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${pageUrl(nextToken)}`);
  return response.json();
}

function append(runs) {
  const fragment = document.createDocumentFragment();
  for (const run of runs) {
    const tr = document.createElement('tr');
    for (const text of [
      run.id,
      run.status,
      when(run.dtStarted),
      run.destination,
      (run.error ?? '—').split('\n', 1)[0],
      when(run.dtCompleted),
    ]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    fragment.append(tr);
  }
  tbody.append(fragment);
}

let count = 0;
try {
  let page = await fetchPage(undefined);
  append(page.data);
  count += page.data.length;
  while (ALL && page.nextToken) {
    page = await fetchPage(page.nextToken);
    if (RENDER) append(page.data);
    count += page.data.length;
  }
  const more = page.nextToken ? 'more exist.' : 'that is all of them.';
  status.textContent = `${count.toLocaleString('en')} runs loaded; ${more}`;
  if (ALL) document.body.dataset.done = String(count);
} catch (error) {
  status.textContent = `Could not load the runs: ${error.message}`;
  document.body.dataset.failed = '';
}
