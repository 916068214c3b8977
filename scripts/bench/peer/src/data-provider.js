/**
 * A react-admin dataProvider over m3ter's run history of one Bill, through the console's live-mode
 * proxy (same origin, `/m3ter`): the request the console makes for its first page,
 * `GET /m3ter/organizations/{org}/integrationruns/Bill/{bill}?order=DESC&pageSize=200`.
 * m3ter pages by `nextToken` and has no total, so pages are walked forward and react-admin is given
 * `pageInfo` (partial pagination) instead of a total.
 */
const API_BASE = '/m3ter';
// The fake upstream's organisation and the demo's big Bill (config/app-config.ts DEMO_ORG_ID,
// src/mocks/seed.ts SEED_IDS.bigBill); `?org=…&bill=…` before the `#` overrides them.
const params = new URLSearchParams(window.location.search);
const ORG_ID = params.get('org') ?? '2d1c7a4e-5b0f-4c8e-9a51-7e3f0d6b8c21';
const BILL_ID = params.get('bill') ?? 'b1000000-acbe-4c0e-9b11-000000005000';

const runsUrl = (pageSize, nextToken) =>
  `${API_BASE}/organizations/${encodeURIComponent(ORG_ID)}/integrationruns/Bill/${encodeURIComponent(BILL_ID)}` +
  `?order=DESC&pageSize=${pageSize}` +
  (nextToken ? `&nextToken=${encodeURIComponent(nextToken)}` : '');

async function getJson(url, signal) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} from ${url}`);
  return response.json();
}

/** The nextToken that starts page n (1-based), per page size, as far as pages have been read. */
const tokens = new Map();

async function fetchPage(page, perPage, signal) {
  const known = tokens.get(perPage) ?? new Map([[1, undefined]]);
  tokens.set(perPage, known);
  // Walk forward from the furthest known page before the one asked for.
  let at = Math.max(...[...known.keys()].filter((p) => p <= page));
  for (;;) {
    const body = await getJson(runsUrl(perPage, known.get(at)), signal);
    if (body.nextToken) known.set(at + 1, body.nextToken);
    if (at === page || !body.nextToken) return { body, at };
    at += 1;
  }
}

export const dataProvider = {
  async getList(resource, { pagination, signal }) {
    if (resource !== 'runs') throw new Error(`Unknown resource ${resource}`);
    const { page, perPage } = pagination;
    const { body, at } = await fetchPage(page, perPage, signal);
    // m3ter's runs already carry an `id`, which is what react-admin keys records by.
    const data = at === page ? body.data : [];
    return {
      data,
      pageInfo: { hasNextPage: at === page && !!body.nextToken, hasPreviousPage: page > 1 },
    };
  },
  getOne: () => Promise.reject(new Error('not supported')),
  getMany: () => Promise.reject(new Error('not supported')),
  getManyReference: () => Promise.reject(new Error('not supported')),
  create: () => Promise.reject(new Error('read-only')),
  update: () => Promise.reject(new Error('read-only')),
  updateMany: () => Promise.reject(new Error('read-only')),
  delete: () => Promise.reject(new Error('read-only')),
  deleteMany: () => Promise.reject(new Error('read-only')),
};
