/**
 * The peer of `npm run bench`: what a team would get from react-admin 5 out of the box for the same
 * screen as the console's run history: one resource, a `<List>` of 200 (m3ter's page size) with a
 * `<Datagrid>` of the same columns.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Admin, Datagrid, DateField, List, Resource, TextField } from 'react-admin';
import { dataProvider } from './data-provider.js';

const RunList = () => (
  <List perPage={200} title="Integration runs" sort={{ field: 'dtStarted', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="id" label="Run" sortable={false} />
      <TextField source="status" sortable={false} />
      <DateField source="dtStarted" label="Started" showTime sortable={false} />
      <TextField source="destination" sortable={false} />
      <TextField source="error" label="Error" sortable={false} emptyText="—" />
      <DateField source="dtCompleted" label="Completed" showTime sortable={false} />
    </Datagrid>
  </List>
);

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <Admin dataProvider={dataProvider} title="Integration runs" disableTelemetry>
      <Resource name="runs" list={RunList} />
    </Admin>
  </StrictMode>,
);
