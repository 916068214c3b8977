/**
 * The e-invoicing mandate templates the fake Solvimon offers (`GET …/e-invoicing/default-mandates`),
 * also the starting point of the seeded Avalara integrations. Field names on the left of a mapping are
 * UBL 2.1 paths, on the right Solvimon invoice fields.
 */
import type { SolvimonMandate } from '../../api/solvimon';

const UBL = { type: 'UBL', description: 'UBL 2.1 invoice (XML)' };
const PDF = { type: 'PDF', description: 'Human-readable copy (PDF)' };
const CII = { type: 'CII', description: 'UN/CEFACT Cross Industry Invoice (XML)' };
const FATTURA = { type: 'FATTURAPA', description: 'FatturaPA 1.2.2 (XML)' };

const buyerIn = (country: string) => ({
  field: 'customer.billing_address.country',
  comparator_type: 'EQUALS',
  value: country,
});

const B2B = { field: 'customer.tax_id', comparator_type: 'NOT_EMPTY', value: '' };

export const DEFAULT_MANDATES: readonly SolvimonMandate[] = [
  {
    name: 'BE-B2B-PEPPOL',
    country: 'BE',
    mappings: [
      {
        target: 'cac:AccountingCustomerParty/cac:Party/cbc:EndpointID',
        source: 'customer.custom_fields.peppol_id',
        description: 'Peppol participant id of the buyer (scheme 0208, KBO number)',
      },
      {
        target: 'cbc:BuyerReference',
        source: 'invoice.purchase_order_number',
        description: null,
      },
    ],
    condition_groups: [{ conditions: [buyerIn('BE'), B2B] }],
    include_pdf_in_einvoice: true,
    supported_file_formats: [UBL, PDF],
  },
  {
    name: 'DE-B2G-XRECHNUNG',
    country: 'DE',
    mappings: [
      {
        target: 'cbc:BuyerReference',
        source: 'customer.custom_fields.leitweg_id',
        description: 'Leitweg-ID, required for German public buyers',
      },
    ],
    condition_groups: [
      {
        conditions: [
          buyerIn('DE'),
          { field: 'customer.segment', comparator_type: 'IN', value: 'PUBLIC,GOVERNMENT' },
        ],
      },
    ],
    include_pdf_in_einvoice: false,
    supported_file_formats: [UBL, CII],
  },
  {
    name: 'FR-B2B-FACTURX',
    country: 'FR',
    mappings: [
      {
        target: 'cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID',
        source: 'customer.custom_fields.siren',
        description: 'SIREN of the buyer',
      },
    ],
    condition_groups: [{ conditions: [buyerIn('FR'), B2B] }],
    include_pdf_in_einvoice: true,
    supported_file_formats: [CII, PDF],
  },
  {
    name: 'IT-B2B-SDI',
    country: 'IT',
    mappings: [
      {
        target: 'cac:AccountingCustomerParty/cac:Party/cbc:EndpointID',
        source: 'customer.custom_fields.codice_destinatario',
        description: 'Seven-character SDI recipient code',
      },
    ],
    condition_groups: [{ conditions: [buyerIn('IT')] }],
    include_pdf_in_einvoice: false,
    supported_file_formats: [FATTURA],
  },
  {
    name: 'PEPPOL-BIS-3',
    country: null,
    mappings: [],
    condition_groups: [
      {
        conditions: [
          {
            field: 'customer.custom_fields.peppol_id',
            comparator_type: 'NOT_EMPTY',
            value: '',
          },
          {
            field: 'customer.billing_address.country',
            comparator_type: 'NOT_IN',
            value: 'BE,DE,FR,IT',
          },
        ],
      },
    ],
    include_pdf_in_einvoice: true,
    supported_file_formats: [UBL, PDF],
  },
];
