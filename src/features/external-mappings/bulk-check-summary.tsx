import { List } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { BulkCheck, BulkPlan } from './bulk-plan';
import { Notice } from '../../components/notice';

/** What the check found, before anything is sent. */
export function BulkCheckSummary({ checked, plan }: { checked: BulkCheck; plan: BulkPlan }) {
  // "Check the rows" is disabled while it checks, which drops keyboard focus to <body>: land on
  // the result of the check instead, as the run report does when a run ends.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const total = checked.rows.length;
  return (
    <Notice
      tone={plan.invalid > 0 ? 'warning' : 'success'}
      title={`${total} row${total === 1 ? '' : 's'} checked`}
      role="status"
      ref={headingRef}
    >
      <List size="sm">
        <List.Item>{total - plan.invalid - plan.duplicates} ready to create</List.Item>
        {plan.invalid > 0 ? (
          <List.Item>
            {plan.invalid} with problems: they are not sent (fix them in the CSV and check again)
          </List.Item>
        ) : null}
        {plan.duplicates > 0 ? (
          <List.Item>
            {plan.duplicates} already mapped in m3ter (same m3ter entity, id, system and table)
          </List.Item>
        ) : null}
        {checked.ignoredColumns.length > 0 ? (
          <List.Item>Ignored columns: {checked.ignoredColumns.join(', ')}</List.Item>
        ) : null}
        {checked.existingTruncated ? (
          <List.Item>
            These ids have very many mappings: the check for existing ones looked at the first
            2,000.
          </List.Item>
        ) : null}
      </List>
    </Notice>
  );
}
