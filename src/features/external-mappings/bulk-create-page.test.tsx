import { waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoStore, server } from '../../mocks/node';
import { renderApp, screen } from '../../test/render';

const LIST_URL = '*/organizations/:orgId/externalmappings';
const NEW_A = 'a0000000-0000-4000-8000-00000000000a';
const NEW_B = 'b0000000-0000-4000-8000-00000000000b';
const NEW_C = 'c0000000-0000-4000-8000-00000000000c';
const NEW_D = 'd0000000-0000-4000-8000-00000000000d';

function resultRow(n: number) {
  const header = screen.getByRole('rowheader', { name: String(n) });
  const row = header.closest('tr');
  if (!row) throw new Error(`row ${n} not found`);
  return row;
}

describe('bulk create', () => {
  it('checks every row first, creates the good ones within the limit, and reports each row truly', async () => {
    const existing = demoStore()
      .listMappings({ externalSystemId: 'Stripe', pageSize: 200 })
      .data.find((m) => m.m3terEntity === 'Account' && m.externalTable === 'Customer');
    if (!existing) throw new Error('seed has a Stripe customer mapping');

    let rateLimited = false;
    const posted: string[] = [];
    server.use(
      http.post(LIST_URL, async ({ request }) => {
        const body = (await request.clone().json()) as { externalId: string };
        posted.push(body.externalId);
        if (body.externalId === 'ctm_FAIL') {
          return HttpResponse.json({ message: 'Internal error' }, { status: 500 });
        }
        if (body.externalId === 'prod_X' && !rateLimited) {
          rateLimited = true;
          return HttpResponse.json(
            { message: 'Too many requests' },
            { status: 429, headers: { 'retry-after-ms': '5' } },
          );
        }
        return undefined;
      }),
    );

    const csv = [
      'm3terEntity,m3terId,externalSystem,externalTable,externalId',
      `Account,${NEW_A},Stripe,Customer,cus_A`,
      'Account,not-an-id,Stripe,Customer,cus_B',
      `Account,${NEW_A},Stripe,Customer,cus_C`,
      `Account,${existing.m3terId},Stripe,Customer,cus_D`,
      `Account,${NEW_B},Paddle,Customer,ctm_FAIL`,
      `Product,${NEW_C},Stripe,Product,prod_X`,
      `Account,${NEW_D},Xero,Contact,ct_7`,
    ].join('\n');

    const { user } = await renderApp('/mappings/bulk');
    const input = await screen.findByRole('textbox', { name: 'Mappings as CSV' });
    input.focus();
    await user.paste(csv);
    // By keyboard: focus lands on the result of the check, not on <body>.
    screen.getByRole('button', { name: 'Check the rows' }).focus();
    await user.keyboard('{Enter}');

    expect(await screen.findByText('7 rows checked')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '7 rows checked' })).toHaveFocus();
    expect(screen.getByText('4 ready to create')).toBeInTheDocument();
    expect(screen.getByText(/2 with problems/)).toBeInTheDocument();
    expect(screen.getByText(/1 already mapped in m3ter/)).toBeInTheDocument();
    expect(resultRow(3)).toHaveTextContent(/m3terId: Enter the id of the m3ter entity, a UUID/);
    expect(resultRow(4)).toHaveTextContent(/Same mapping as row 2/);
    expect(within(resultRow(5)).getByRole('link', { name: existing.externalId })).toHaveAttribute(
      'href',
      `/mappings/${existing.id}`,
    );
    // Nothing is sent before the user says so.
    expect(posted).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Create 4 mappings (skip 3)' }));
    const report = await screen.findByRole(
      'heading',
      { name: '3 of 7 rows created: 4 not created' },
      { timeout: 10_000 },
    );
    expect(report).toHaveFocus();

    expect(resultRow(2)).toHaveTextContent('Created');
    expect(resultRow(3)).toHaveTextContent('Not sent');
    expect(resultRow(4)).toHaveTextContent('Not sent');
    expect(resultRow(5)).toHaveTextContent('Not sent');
    expect(resultRow(6)).toHaveTextContent(/Failed.*m3ter had a problem.*500/);
    expect(resultRow(7)).toHaveTextContent('Created');
    expect(resultRow(8)).toHaveTextContent('Created');

    // The 429 was sent again; the 500 was not.
    expect(posted.filter((id) => id === 'prod_X')).toHaveLength(2);
    expect(posted.filter((id) => id === 'ctm_FAIL')).toHaveLength(1);
    expect(posted).not.toContain('cus_B');
    expect(posted).not.toContain('cus_C');
    expect(posted).not.toContain('cus_D');

    const store = demoStore();
    expect(
      store.listMappingsForM3terEntity('Account', NEW_A).data.map((m) => m.externalId),
    ).toEqual(['cus_A']);
    expect(store.listMappingsForM3terEntity('Account', NEW_B).data).toEqual([]);
    expect(store.listMappingsForM3terEntity('Product', NEW_C).data).toHaveLength(1);
    expect(store.listMappingsForM3terEntity('Account', NEW_D).data).toHaveLength(1);

    // The rows not created go back into the editor for another try.
    await user.click(screen.getByRole('button', { name: 'Edit the 4 rows not created' }));
    const again = await screen.findByRole<HTMLTextAreaElement>('textbox', {
      name: 'Mappings as CSV',
    });
    await waitFor(() => expect(again.value.trim().split('\n')).toHaveLength(5));
    expect(again.value).toContain(`${NEW_B},Paddle,Customer,ctm_FAIL`);
    expect(again.value).not.toContain('cus_A');
  });

  it('refuses a file without the required columns, saying which', async () => {
    const { user } = await renderApp('/mappings/bulk');
    const input = await screen.findByRole('textbox', { name: 'Mappings as CSV' });
    input.focus();
    await user.paste('m3terEntity,m3terId\nAccount,x');
    await user.click(screen.getByRole('button', { name: 'Check the rows' }));
    expect(input).toHaveAccessibleDescription(
      /lacks the columns externalSystem, externalTable, externalId/,
    );
    expect(input).toHaveValue('m3terEntity,m3terId\nAccount,x');
  });
});
