export {
  DataTable,
  dataTableColumnHelper,
  dataTableFeatures,
  type DataTableColumnMeta,
  type DataTableColumns,
  type DataTableFeatures,
  type DataTableProps,
  type SortingState,
} from './data-table';
