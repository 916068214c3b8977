import { http } from 'msw';
import { jsonBody, ORG_BASE, pageQuery, param, query, route, type HandlerOptions } from './route';

const BASE = `${ORG_BASE}/externalmappings`;
const CONFIGURATION = `${ORG_BASE}/externalmappingconfiguration`;

/** ExternalMappings and the mapping configuration helpers (docs/m3ter-api.md §5). */
export function mappingHandlers(options: HandlerOptions) {
  return [
    http.get(
      `${BASE}/external/:entity/:m3terId`,
      route(options, ({ url, params, store }) =>
        store.listMappingsForM3terEntity(
          param(params, 'entity'),
          param(params, 'm3terId'),
          pageQuery(url),
        ),
      ),
    ),
    http.get(
      `${BASE}/externalid/:system/:externalTable/:externalId`,
      route(options, ({ url, params, store }) =>
        store.listMappingsForExternalEntity(
          param(params, 'system'),
          param(params, 'externalTable'),
          param(params, 'externalId'),
          pageQuery(url),
        ),
      ),
    ),
    http.get(
      BASE,
      route(options, ({ url, store }) =>
        store.listMappings({
          ...pageQuery(url),
          externalSystemId: query(url, 'externalSystemId'),
          // Repeated (`?m3terIds=a&m3terIds=b`, the spec) or comma-separated (the SDKs): both work.
          m3terIds: url.searchParams.getAll('m3terIds'),
          integrationConfigId: query(url, 'integrationConfigId'),
        }),
      ),
    ),
    http.post(
      BASE,
      route(options, async ({ request, store }) => store.createMapping(await jsonBody(request))),
    ),
    http.get(
      `${BASE}/:id`,
      route(options, ({ params, store }) => store.getMapping(param(params, 'id'))),
    ),
    http.put(
      `${BASE}/:id`,
      route(options, async ({ request, params, store }) =>
        store.updateMapping(param(params, 'id'), await jsonBody(request)),
      ),
    ),
    http.delete(
      `${BASE}/:id`,
      route(options, ({ params, store }) => store.deleteMapping(param(params, 'id'))),
    ),
    http.get(
      CONFIGURATION,
      route(options, ({ store }) => store.mappingConfiguration()),
    ),
    http.get(
      `${CONFIGURATION}/values/:destination/:entityType/:integrationCredentialsId`,
      route(options, ({ url, params, store }) =>
        store.externalEntityValues(param(params, 'destination'), param(params, 'entityType'), {
          externalTable: query(url, 'externalTable'),
          integrationCredentialsId: param(params, 'integrationCredentialsId'),
        }),
      ),
    ),
    http.get(
      `${CONFIGURATION}/values/:destination/:entityType`,
      route(options, ({ url, params, store }) =>
        store.externalEntityValues(param(params, 'destination'), param(params, 'entityType'), {
          externalTable: query(url, 'externalTable'),
        }),
      ),
    ),
  ];
}
