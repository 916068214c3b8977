import { Text } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import type { ExternalMapping, IntegrationConfig } from '../../api';
import { DataTable, dataTableColumnHelper } from '../../components/data-table';
import { RelativeTime } from '../../components/relative-time';
import { IdWithCopy, LinkedConfig } from './mapping-parts';
import { AnchorLink } from '../../components/router-links';

const h = dataTableColumnHelper<ExternalMapping>();

function buildColumns(configs: readonly IntegrationConfig[] | undefined) {
  return h.columns([
    h.accessor('m3terEntity', {
      header: 'm3ter entity',
      enableSorting: false,
      cell: (info) => (
        <AnchorLink
          to="/mappings/$id"
          params={{ id: info.row.original.id }}
          size="sm"
          aria-label={`Open mapping of ${info.row.original.m3terEntity} ${info.row.original.m3terId} to ${info.row.original.externalSystem} ${info.row.original.externalId}`}
        >
          {info.getValue()}
        </AnchorLink>
      ),
    }),
    h.accessor('m3terId', {
      header: 'm3ter id',
      enableSorting: false,
      cell: (info) => <IdWithCopy value={info.getValue()} what="m3ter id" short />,
    }),
    h.accessor('externalSystem', { header: 'External system', enableSorting: false }),
    h.accessor('externalTable', { header: 'Table', enableSorting: false }),
    h.accessor('externalId', {
      header: 'External id',
      enableSorting: false,
      cell: (info) => <IdWithCopy value={info.getValue()} what="external id" />,
    }),
    h.accessor('integrationConfigId', {
      header: 'Linked config',
      enableSorting: false,
      cell: (info) => <LinkedConfig configId={info.getValue()} configs={configs} />,
    }),
    h.accessor('version', {
      header: 'Version',
      enableSorting: false,
      meta: { align: 'end' },
      cell: (info) => <Text size="sm">{info.getValue() ?? '—'}</Text>,
    }),
    h.accessor('dtLastModified', {
      header: 'Last modified',
      enableSorting: false,
      meta: { nowrap: true },
      cell: (info) => <RelativeTime value={info.getValue() ?? info.row.original.dtCreated} />,
    }),
  ]);
}

interface MappingsTableProps {
  mappings: readonly ExternalMapping[];
  configs: readonly IntegrationConfig[] | undefined;
  caption: string;
  loading: boolean;
  empty: ReactNode;
}

const NO_SORTING: never[] = [];

/**
 * Mappings in m3ter's order (newest first; m3ter cannot sort them otherwise, and sorting one page
 * would mislead). Each row's first cell is a real link to the mapping (opens in a new tab too), so
 * the rows themselves are not made clickable: one tab stop per row, not two.
 */
export function MappingsTable({ mappings, configs, caption, loading, empty }: MappingsTableProps) {
  const columns = useMemo(() => buildColumns(configs), [configs]);
  return (
    <DataTable
      data={mappings}
      columns={columns}
      getRowId={(m) => m.id}
      sorting={NO_SORTING}
      onSortingChange={() => {}}
      caption={caption}
      loading={loading}
      empty={empty}
    />
  );
}
