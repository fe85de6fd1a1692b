/** What the confirmation e-mail and the invoice show of an order (stored at ordering; nothing is recomputed). */
export type OrderSummary = {
  invoiceNumber: string;
  invoiceDate: Date;
  quantity: number;
  customerType: string;
  name: string;
  organisation: string;
  billingStreet: string;
  billingNumber: string;
  billingPostcode: string;
  billingCity: string;
  billingCountry: string;
  poNumber: string;
  vatNumber: string;
  unitPriceCents: number;
  discountPercent: number;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  vatRateBasisPoints: number;
  vatTreatment: string;
  vatCents: number;
  totalCents: number;
  book: { title: string };
  edition: { number: number };
};

