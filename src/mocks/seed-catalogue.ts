/**
 * Fixed master data of the demo organisation: destinations, integration configs, accounts, products,
 * plans, notifications, the mapping configuration and the systems list. Ids are literal so that tests,
 * e2e journeys and shared links can name them; everything generated from them lives in seed.ts.
 */

/** Integration systems as the config `destination` field spells them (free text, pattern ^[a-zA-Z0-9_-]*$). */
export type SeedSystem =
  'Stripe' | 'NetSuite' | 'Xero' | 'QuickBooks' | 'Chargebee' | 'Paddle' | 'Webhook' | 'Salesforce';

export interface SeedConfigDef {
  id: string;
  name: string;
  entityType: 'Bill' | 'Notification' | 'Account';
  destination: SeedSystem;
  destinationId: string;
  entityId?: string;
  integrationCredentialsId: string;
  enabled: boolean;
  authorized: boolean;
  /** Days before the anchor the config was created. */
  createdDaysAgo: number;
  /** Days before the anchor it was disabled (auto-disable) or lost authorisation; shapes its runs. */
  brokenDaysAgo?: number;
  configData: Record<string, unknown>;
}

export const DEMO_USER_ID = 'USER_5f0c8e2a-3b1d-4c7e-9a64-1d2e3f4a5b6c';
/** A second human, for "someone else edited this" scenarios. */
export const OTHER_USER_ID = 'USER_8b7a6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d';
/** The m3ter service principal that creates integration runs. */
export const INTEGRATION_SERVICE_USER_ID = 'SERVICE_USER_2a4c6e8f-0b1d-4f3e-8a5c-7e9b1d3f5a7c';
/** The m3ter service principal that creates and regenerates Bills. */
export const BILLING_SERVICE_USER_ID = 'SERVICE_USER_6d8f0a2c-4e6b-4a8d-9c0e-2f4a6c8e0b1d';

const USERS = [
  DEMO_USER_ID,
  OTHER_USER_ID,
  'USER_1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  'USER_9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
] as const;

export function seedUser(i: number): string {
  return USERS[i % USERS.length] ?? DEMO_USER_ID;
}

export const DESTINATION_IDS = {
  stripeEu: '6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f',
  stripeUs: '7a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d',
  netsuite: '8b3c4d5e-6f7a-4b2c-8d3e-4f5a6b7c8d9e',
  netsuiteSandbox: '9c4d5e6f-7a8b-4c3d-9e4f-5a6b7c8d9e0f',
  xeroUk: 'a0d5e6f7-8b9c-4d4e-8f5a-6b7c8d9e0f1a',
  xeroAu: 'b1e6f7a8-9c0d-4e5f-9a6b-7c8d9e0f1a2b',
  quickbooks: 'c2f7a8b9-0d1e-4f6a-8b7c-8d9e0f1a2b3c',
  chargebee: 'd3a8b9c0-1e2f-4a7b-9c8d-9e0f1a2b3c4d',
  paddle: 'e4b9c0d1-2f3a-4b8c-8d9e-0f1a2b3c4d5e',
  webhookOps: 'f5c0d1e2-3a4b-4c9d-9e0f-1a2b3c4d5e6f',
  webhookSlack: '06d1e2f3-4b5c-4d0e-8f1a-2b3c4d5e6f7a',
  webhookPagerduty: '17e2f3a4-5c6d-4e1f-9a2b-3c4d5e6f7a8b',
  webhookWarehouse: '28f3a4b5-6d7e-4f2a-8b3c-4d5e6f7a8b9c',
  salesforce: '39a4b5c6-7e8f-4a3b-9c4d-5e6f7a8b9c0d',
} as const;

export const NOTIFICATION_IDS = [
  'a1b2c3d4-0001-4a00-8000-00000000a001',
  'a1b2c3d4-0002-4a00-8000-00000000a002',
  'a1b2c3d4-0003-4a00-8000-00000000a003',
  'a1b2c3d4-0004-4a00-8000-00000000a004',
  'a1b2c3d4-0005-4a00-8000-00000000a005',
  'a1b2c3d4-0006-4a00-8000-00000000a006',
  'a1b2c3d4-0007-4a00-8000-00000000a007',
  'a1b2c3d4-0008-4a00-8000-00000000a008',
  'a1b2c3d4-0009-4a00-8000-00000000a009',
  'a1b2c3d4-0010-4a00-8000-00000000a010',
] as const;

export const NOTIFICATION_NAMES = [
  'Usage above 90% of commitment',
  'Prepayment balance low',
  'Credit exhausted',
  'Bill approved',
  'Bill locked',
  'New account created',
  'Commitment ending in 30 days',
  'Daily usage spike',
  'Plan changed',
  'Overage charges started',
] as const;

export const CONFIG_IDS = {
  stripeEu: '3e7c1a52-8f4d-4b6e-9a1c-2d5f8e0b7c31',
  stripeUs: '4f8d2b63-9a5e-4c7f-8b2d-3e6a9f1c8d42',
  netsuite: '5a9e3c74-0b6f-4d8a-9c3e-4f7b0a2d9e53',
  netsuiteSandbox: '6b0f4d85-1c7a-4e9b-8d4f-5a8c1b3e0f64',
  xeroUk: '7c1a5e96-2d8b-4f0c-9e5a-6b9d2c4f1a75',
  xeroAu: '8d2b6fa7-3e9c-4a1d-8f6b-7c0e3d5a2b86',
  quickbooks: '9e3c70b8-4f0d-4b2e-9a7c-8d1f4e6b3c97',
  chargebee: 'af4d81c9-5a1e-4c3f-8b8d-9e2a5f7c4da8',
  paddle: 'b05e92da-6b2f-4d4a-9c9e-0f3b6a8d5eb9',
  webhookOps: 'c16fa3eb-7c3a-4e5b-8dae-1a4c7b9e6fca',
  webhookSlack: 'd270b4fc-8d4b-4f6c-9ebf-2b5d8cae70db',
  webhookPagerduty: 'e381c50d-9e5c-4a7d-8fc0-3c6e9dbf81ec',
  webhookWarehouse: 'f492d61e-af6d-4b8e-9ad1-4d7faec092fd',
  salesforce: '05a3e72f-b07e-4c9f-8be2-5e80bfd1a30e',
} as const;

const STANDARD_BILL_SETTINGS = {
  onlySendBillOnApproval: false,
  accountIds: [] as string[],
  restrictedAccountIds: [] as string[],
  integrationDisabledNotificationUsers: [DEMO_USER_ID],
};

export const CONFIG_DEFS: readonly SeedConfigDef[] = [
  {
    id: CONFIG_IDS.stripeEu,
    name: 'Stripe – EU invoices',
    entityType: 'Bill',
    destination: 'Stripe',
    destinationId: DESTINATION_IDS.stripeEu,
    integrationCredentialsId: '1a0b9c8d-7e6f-4a5b-8c4d-3e2f1a0b9c8d',
    enabled: true,
    authorized: true,
    createdDaysAgo: 410,
    configData: {
      ...STANDARD_BILL_SETTINGS,
      stripeAccount: 'acct_1NqEuAcme4t8Zb',
      currency: 'EUR',
      collectionMethod: 'send_invoice',
      daysUntilDue: 30,
      autoAdvance: true,
    },
  },
  {
    id: CONFIG_IDS.stripeUs,
    name: 'Stripe – US invoices',
    entityType: 'Bill',
    destination: 'Stripe',
    destinationId: DESTINATION_IDS.stripeUs,
    integrationCredentialsId: '2b1c0d9e-8f7a-4b6c-9d5e-4f3a2b1c0d9e',
    enabled: true,
    authorized: true,
    createdDaysAgo: 388,
    configData: {
      ...STANDARD_BILL_SETTINGS,
      onlySendBillOnApproval: true,
      stripeAccount: 'acct_1NqUsAcme7k2Pw',
      currency: 'USD',
      collectionMethod: 'charge_automatically',
      autoAdvance: true,
    },
  },
  {
    id: CONFIG_IDS.netsuite,
    name: 'NetSuite AR sync',
    entityType: 'Bill',
    destination: 'NetSuite',
    destinationId: DESTINATION_IDS.netsuite,
    integrationCredentialsId: '3c2d1e0f-9a8b-4c7d-8e6f-5a4b3c2d1e0f',
    enabled: true,
    authorized: true,
    createdDaysAgo: 365,
    configData: {
      ...STANDARD_BILL_SETTINGS,
      onlySendBillOnApproval: true,
      accountId: '5123456',
      subsidiaryId: '3',
      arAccount: '1100 Accounts Receivable',
      usageItem: 'Usage Charges',
      department: 'Finance',
    },
  },
  {
    id: CONFIG_IDS.netsuiteSandbox,
    name: 'NetSuite AR sync (sandbox)',
    entityType: 'Bill',
    destination: 'NetSuite',
    destinationId: DESTINATION_IDS.netsuiteSandbox,
    integrationCredentialsId: '4d3e2f1a-0b9c-4d8e-9f7a-6b5c4d3e2f1a',
    enabled: false,
    authorized: true,
    createdDaysAgo: 300,
    brokenDaysAgo: 21,
    configData: {
      ...STANDARD_BILL_SETTINGS,
      accountId: '5123456_SB1',
      subsidiaryId: '3',
      arAccount: '1100 Accounts Receivable',
      usageItem: 'Usage Charges',
    },
  },
  {
    id: CONFIG_IDS.xeroUk,
    name: 'Xero – UK ledger',
    entityType: 'Bill',
    destination: 'Xero',
    destinationId: DESTINATION_IDS.xeroUk,
    integrationCredentialsId: '5e4f3a2b-1c0d-4e9f-8a8b-7c6d5e4f3a2b',
    enabled: true,
    authorized: true,
    createdDaysAgo: 240,
    configData: {
      ...STANDARD_BILL_SETTINGS,
      tenantId: '7f5b8c1e-2a3d-4e6f-9b0c-1d2e3f4a5b6c',
      salesAccountCode: '200',
      taxType: 'OUTPUT2',
      brandingTheme: 'Standard',
      invoiceStatus: 'AUTHORISED',
    },
  },
  {
    id: CONFIG_IDS.xeroAu,
    name: 'Xero – AU ledger',
    entityType: 'Bill',
    destination: 'Xero',
    destinationId: DESTINATION_IDS.xeroAu,
    integrationCredentialsId: '6f5a4b3c-2d1e-4f0a-9b9c-8d7e6f5a4b3c',
    enabled: false,
    authorized: false,
    createdDaysAgo: 200,
    brokenDaysAgo: 12,
    configData: {
      ...STANDARD_BILL_SETTINGS,
      tenantId: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      salesAccountCode: '200',
      taxType: 'OUTPUT',
      invoiceStatus: 'DRAFT',
    },
  },
  {
    id: CONFIG_IDS.quickbooks,
    name: 'QuickBooks Online – US entities',
    entityType: 'Bill',
    destination: 'QuickBooks',
    destinationId: DESTINATION_IDS.quickbooks,
    integrationCredentialsId: '7a6b5c4d-3e2f-4a1b-8c0d-9e8f7a6b5c4d',
    enabled: true,
    authorized: false,
    createdDaysAgo: 150,
    brokenDaysAgo: 4,
    configData: {
      ...STANDARD_BILL_SETTINGS,
      realmId: '9130354720218466',
      incomeAccount: '79 Sales of Product Income',
      defaultTerms: 'Net 30',
    },
  },
  {
    id: CONFIG_IDS.chargebee,
    name: 'Chargebee – APAC subscriptions',
    entityType: 'Bill',
    destination: 'Chargebee',
    destinationId: DESTINATION_IDS.chargebee,
    integrationCredentialsId: '8b7c6d5e-4f3a-4b2c-9d1e-0f9a8b7c6d5e',
    enabled: true,
    authorized: true,
    createdDaysAgo: 120,
    configData: {
      ...STANDARD_BILL_SETTINGS,
      site: 'acme-apac',
      currency: 'SGD',
      addonForUsage: 'metered-usage-sgd',
    },
  },
  {
    id: CONFIG_IDS.paddle,
    name: 'Paddle – self-serve plans',
    entityType: 'Bill',
    destination: 'Paddle',
    destinationId: DESTINATION_IDS.paddle,
    integrationCredentialsId: '9c8d7e6f-5a4b-4c3d-8e2f-1a0b9c8d7e6f',
    enabled: false,
    authorized: true,
    createdDaysAgo: 95,
    brokenDaysAgo: 30,
    configData: { ...STANDARD_BILL_SETTINGS, vendorId: '184772', environment: 'production' },
  },
  {
    id: CONFIG_IDS.webhookOps,
    name: 'Ops alerts webhook',
    entityType: 'Notification',
    destination: 'Webhook',
    destinationId: DESTINATION_IDS.webhookOps,
    entityId: NOTIFICATION_IDS[0],
    integrationCredentialsId: '0d9e8f7a-6b5c-4d4e-9f3a-2b1c0d9e8f7a',
    enabled: true,
    authorized: true,
    createdDaysAgo: 330,
    configData: { url: 'https://hooks.acme-ops.example.com/m3ter/alerts', method: 'POST' },
  },
  {
    id: CONFIG_IDS.webhookSlack,
    name: 'Usage threshold → Slack relay',
    entityType: 'Notification',
    destination: 'Webhook',
    destinationId: DESTINATION_IDS.webhookSlack,
    entityId: NOTIFICATION_IDS[1],
    integrationCredentialsId: '1e0f9a8b-7c6d-4e5f-8a4b-3c2d1e0f9a8b',
    enabled: true,
    authorized: true,
    createdDaysAgo: 180,
    configData: { url: 'https://relay.acme.example.com/slack/usage', method: 'POST' },
  },
  {
    id: CONFIG_IDS.webhookPagerduty,
    name: 'Credit exhausted → PagerDuty',
    entityType: 'Notification',
    destination: 'Webhook',
    destinationId: DESTINATION_IDS.webhookPagerduty,
    entityId: NOTIFICATION_IDS[2],
    integrationCredentialsId: '2f1a0b9c-8d7e-4f6a-9b5c-4d3e2f1a0b9c',
    enabled: false,
    authorized: true,
    createdDaysAgo: 160,
    brokenDaysAgo: 9,
    configData: { url: 'https://events.pagerduty.com/integration/3f9a/enqueue', method: 'POST' },
  },
  {
    id: CONFIG_IDS.webhookWarehouse,
    name: 'Bill approved → data warehouse',
    entityType: 'Notification',
    destination: 'Webhook',
    destinationId: DESTINATION_IDS.webhookWarehouse,
    entityId: NOTIFICATION_IDS[3],
    integrationCredentialsId: '3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d',
    enabled: true,
    authorized: false,
    createdDaysAgo: 140,
    brokenDaysAgo: 2,
    configData: { url: 'https://ingest.acme-dwh.example.com/m3ter/bills', method: 'POST' },
  },
  {
    id: CONFIG_IDS.salesforce,
    name: 'Salesforce account sync',
    entityType: 'Account',
    destination: 'Salesforce',
    destinationId: DESTINATION_IDS.salesforce,
    integrationCredentialsId: '4b3c2d1e-0f9a-4b8c-9d7e-6f5a4b3c2d1e',
    enabled: true,
    authorized: true,
    createdDaysAgo: 75,
    configData: {
      instanceUrl: 'https://acme.my.salesforce.com',
      syncDirection: 'm3ter_to_salesforce',
    },
  },
];

export type Region = 'EU' | 'US' | 'UK' | 'AU' | 'APAC' | 'SELF';

/** Which Bill configs a bill of a region is sent through. */
export const REGION_CONFIGS: Record<Region, readonly string[]> = {
  EU: [CONFIG_IDS.stripeEu, CONFIG_IDS.netsuite],
  US: [CONFIG_IDS.stripeUs, CONFIG_IDS.quickbooks],
  UK: [CONFIG_IDS.xeroUk, CONFIG_IDS.netsuite],
  AU: [CONFIG_IDS.xeroAu],
  APAC: [CONFIG_IDS.chargebee],
  SELF: [CONFIG_IDS.paddle],
};

export interface SeedAccount {
  id: string;
  name: string;
  region: Region;
  /** False = no Stripe/Xero/… customer mapping exists: its bills fail with a missing-mapping error. */
  mapped: boolean;
}

const ACCOUNT_ROWS: ReadonlyArray<[string, Region, boolean?]> = [
  ['Acme Corp', 'EU'],
  ['Globex Corporation', 'US'],
  ['Initech', 'US'],
  ['Umbrella Health GmbH', 'EU'],
  ['Soylent Foods BV', 'EU'],
  ['Stark Industries', 'US'],
  ['Wayne Enterprises', 'US'],
  ['Hooli', 'US'],
  ['Vandelay Industries', 'US', false],
  ['Wonka Confectionery Ltd', 'UK'],
  ['Cyberdyne Systems', 'US'],
  ['Tyrell Corporation', 'US'],
  ['Massive Dynamic', 'US'],
  ['Aperture Science', 'US'],
  ['Oceanic Airlines', 'AU'],
  ['Dunder Mifflin', 'US'],
  ['Nakatomi Trading', 'APAC'],
  ['Gringotts Bank plc', 'UK'],
  ['Blue Sun Ltd', 'UK', false],
  ['Monarch Solutions Pty', 'AU'],
  ['Oscorp', 'US'],
  ['Sirius Cybernetics', 'EU'],
  ['Weyland-Yutani', 'APAC'],
  ['Kaiju Analytics', 'SELF'],
  ['Tessier-Ashpool SA', 'EU'],
  ['Pied Piper', 'US'],
];

function accountId(i: number): string {
  const n = String(i + 1).padStart(4, '0');
  return `0c0a${n}-51a7-4e1b-9a3c-acc00000${n}`;
}

export const ACCOUNTS: readonly SeedAccount[] = ACCOUNT_ROWS.map(([name, region, mapped], i) => ({
  id: accountId(i),
  name,
  region,
  mapped: mapped ?? true,
}));

export const PRODUCTS = [
  { id: 'b7d1e0a2-1000-4f00-8a00-0000000000a1', name: 'API Platform' },
  { id: 'b7d1e0a2-2000-4f00-8a00-0000000000a2', name: 'Data Storage' },
  { id: 'b7d1e0a2-3000-4f00-8a00-0000000000a3', name: 'Compute Minutes' },
  { id: 'b7d1e0a2-4000-4f00-8a00-0000000000a4', name: 'Premium Support' },
  { id: 'b7d1e0a2-5000-4f00-8a00-0000000000a5', name: 'Analytics Add-on' },
  { id: 'b7d1e0a2-6000-4f00-8a00-0000000000a6', name: 'Messaging' },
  { id: 'b7d1e0a2-7000-4f00-8a00-0000000000a7', name: 'Identity Verification' },
  { id: 'b7d1e0a2-8000-4f00-8a00-0000000000a8', name: 'Edge CDN' },
] as const;

export const PLANS = [
  'Starter Monthly',
  'Growth Monthly',
  'Growth Annual',
  'Enterprise Annual',
  'Enterprise Commit 2027',
  'Storage Pay-as-you-go',
  'Compute Reserved',
  'Support Gold',
  'Messaging Bundle 1M',
  'Edge CDN Metered',
].map((name, i) => ({
  id: `c8e2f1b3-${String(i + 1).padStart(4, '0')}-4a00-9b00-00000000${String(i + 1).padStart(4, '0')}`,
  name,
}));

/** GET /externalmappingconfiguration: what the mapping form may offer. */
export const MAPPING_CONFIGURATION = {
  m3terEntities: [
    'Account',
    'AccountPlan',
    'Aggregation',
    'Bill',
    'BillLineItem',
    'CompoundAggregation',
    'Commitment',
    'Contract',
    'CreditReason',
    'Meter',
    'Plan',
    'PlanTemplate',
    'Pricing',
    'Product',
  ],
  externalSystems: [
    {
      name: 'Stripe',
      tables: ['Customer', 'Product', 'Price', 'Invoice', 'TaxRate'],
      allowCustomExternalTables: false,
    },
    {
      name: 'NetSuite',
      tables: ['Customer', 'Item', 'Subsidiary', 'Department', 'Location', 'Account'],
      allowCustomExternalTables: false,
    },
    {
      name: 'Xero',
      tables: ['Contact', 'Item', 'Account', 'TrackingCategory'],
      allowCustomExternalTables: false,
    },
    {
      name: 'QuickBooks',
      tables: ['Customer', 'Item', 'Account', 'Class'],
      allowCustomExternalTables: false,
    },
    {
      name: 'Chargebee',
      tables: ['Customer', 'Plan', 'Addon', 'Item'],
      allowCustomExternalTables: false,
    },
    { name: 'Paddle', tables: ['Customer', 'Product', 'Price'], allowCustomExternalTables: false },
    {
      name: 'Salesforce',
      tables: ['Account', 'Opportunity', 'Product2', 'Contract'],
      allowCustomExternalTables: true,
    },
    { name: 'HubSpot', tables: ['Company', 'Deal', 'Product'], allowCustomExternalTables: true },
  ],
};

/** GET /integrationconfigs/available/systems. `supportedAuthTypes` uses the spec's AuthType spellings. */
export const AVAILABLE_SYSTEMS: ReadonlyArray<{
  identifier: string;
  displayName: string;
  validationSupported: boolean;
  supportedAuthTypes: string[];
  entityTypes: readonly string[];
}> = [
  {
    identifier: 'Stripe',
    displayName: 'Stripe',
    validationSupported: true,
    supportedAuthTypes: ['OAUTH_CODE', 'STRIPE_SIGNED_REQUEST'],
    entityTypes: ['Bill'],
  },
  {
    identifier: 'NetSuite',
    displayName: 'NetSuite',
    validationSupported: true,
    supportedAuthTypes: ['NETSUITE'],
    entityTypes: ['Bill'],
  },
  {
    identifier: 'Xero',
    displayName: 'Xero (beta)',
    validationSupported: true,
    supportedAuthTypes: ['OAUTH_CODE'],
    entityTypes: ['Bill'],
  },
  {
    identifier: 'QuickBooks',
    displayName: 'QuickBooks Online',
    validationSupported: true,
    supportedAuthTypes: ['OAUTH_CODE'],
    entityTypes: ['Bill'],
  },
  {
    identifier: 'Chargebee',
    displayName: 'Chargebee',
    validationSupported: false,
    supportedAuthTypes: ['CHARGEBEE'],
    entityTypes: ['Bill'],
  },
  {
    identifier: 'Paddle',
    displayName: 'Paddle',
    validationSupported: false,
    supportedAuthTypes: ['PADDLE'],
    entityTypes: ['Bill'],
  },
  {
    identifier: 'Salesforce',
    displayName: 'Salesforce',
    validationSupported: true,
    supportedAuthTypes: ['OAUTH_CODE', 'OAUTH_CLIENT_CREDENTIALS'],
    entityTypes: ['Account', 'Bill'],
  },
  {
    identifier: 'Webhook',
    displayName: 'Notification webhook',
    validationSupported: false,
    supportedAuthTypes: ['M3TER_SIGNED_REQUEST', 'HTTP_BASIC'],
    entityTypes: ['Notification'],
  },
  {
    identifier: 'Slack',
    displayName: 'Slack',
    validationSupported: false,
    supportedAuthTypes: ['SLACK_WEBHOOK'],
    entityTypes: ['Notification'],
  },
];
