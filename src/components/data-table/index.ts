export { DataTable, dataTableColumnHelper, type SortingState } from './data-table';
