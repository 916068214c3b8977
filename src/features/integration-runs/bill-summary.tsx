import { Anchor, Group, Skeleton, Text } from '@mantine/core';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { describeError, isNotFoundError, type Account, type Bill } from '../../api';
import { AnchorLink } from '../../components/router-links';
import { accountQueries, billQueries } from '../../queries/bills';

/** `2026-11-01` → "1 Nov 2026" (a Bill's dates are calendar days, not instants). */
function formatDay(day: string | undefined): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}/.test(day)) return day;
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "€1,234.50"; a currency code the browser does not know is written out ("1,234.50 XYZ"). */
function formatMoney(amount: number, currency: string | undefined): string {
  if (currency) {
    try {
      return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);
    } catch {
      // RangeError for an unknown code: fall through.
    }
  }
  const number = amount.toLocaleString('en', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return currency ? `${number} ${currency}` : number;
}

function period(bill: Bill): string | undefined {
  const start = formatDay(bill.startDate);
  const end = formatDay(bill.endDate);
  if (start && end) return `${start} – ${end}`;
  return start ?? end;
}

/**
 * What a Bill's run history is about: its account (name and code, linked to its mappings), its date
 * or period, total and currency. Loaded beside the runs and never in their way: a Bill or account
 * that cannot be loaded is one line that says so, with a retry, and the history stays usable.
 */
export function BillSummary({ billId }: { billId: string }) {
  const bill = useQuery(billQueries.detail(billId));
  const accountId = bill.data?.accountId;
  const account = useQuery({
    ...accountQueries.detail(accountId ?? ''),
    enabled: accountId !== undefined,
  });

  if (bill.isPending) {
    // A named status, not a bare div with a label (axe: aria-prohibited-attr).
    return (
      <Skeleton height={20} width={420} maw="100%" role="status" aria-label="Loading the Bill" />
    );
  }
  if (bill.isError) {
    return (
      <Text size="sm" c="dimmed" role="status">
        {isNotFoundError(bill.error)
          ? 'm3ter has no Bill with this id (it may have been deleted); its runs are below.'
          : `Could not load the Bill’s details: ${describeError(bill.error).title}.`}{' '}
        {isNotFoundError(bill.error) ? null : (
          <Anchor component="button" type="button" size="sm" onClick={() => void bill.refetch()}>
            Retry
          </Anchor>
        )}
      </Text>
    );
  }

  const data = bill.data;
  const facts: Array<{ label: string; value: string }> = [];
  const when = period(data);
  if (data.billDate) facts.push({ label: 'Bill date', value: formatDay(data.billDate) ?? '' });
  if (when) facts.push({ label: 'Period', value: when });
  if (data.billTotal !== undefined)
    facts.push({ label: 'Total', value: formatMoney(data.billTotal, data.currency) });
  if (data.sequentialInvoiceNumber)
    facts.push({ label: 'Invoice', value: data.sequentialInvoiceNumber });
  if (data.status) facts.push({ label: 'Status', value: data.status.toLowerCase() });

  return (
    <Group gap="lg" wrap="wrap" aria-label="The Bill" role="group">
      {accountId ? (
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            Account{' '}
          </Text>
          <AccountName query={account} accountId={accountId} fallbackCode={data.accountCode} />{' '}
          <AnchorLink
            to="/mappings"
            search={{ lookup: 'm3ter', entity: 'Account', m3terId: accountId }}
            size="sm"
          >
            its external mappings
          </AnchorLink>
        </Text>
      ) : null}
      {facts.map((fact) => (
        <Text size="sm" key={fact.label}>
          <Text span c="dimmed" size="sm">
            {fact.label}{' '}
          </Text>
          {fact.value}
        </Text>
      ))}
    </Group>
  );
}

function AccountName({
  query,
  accountId,
  fallbackCode,
}: {
  query: UseQueryResult<Account>;
  accountId: string;
  fallbackCode: string | undefined;
}) {
  if (query.isPending)
    return (
      <Text span size="sm">
        {fallbackCode ?? accountId}
      </Text>
    );
  if (query.isError) {
    return (
      <Text span size="sm">
        {fallbackCode ?? accountId}{' '}
        <Text span size="xs" c="dimmed">
          (name not loaded:{' '}
          <Anchor component="button" type="button" size="xs" onClick={() => void query.refetch()}>
            retry
          </Anchor>
          )
        </Text>
      </Text>
    );
  }
  const { name, code } = query.data;
  return (
    <Text span size="sm" fw={600}>
      {name ?? code ?? accountId}
      {name && code ? (
        <Text span size="sm" c="dimmed" fw={400}>
          {' '}
          ({code})
        </Text>
      ) : null}
    </Text>
  );
}
