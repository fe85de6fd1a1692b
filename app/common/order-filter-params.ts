/** The query parameters of the admins' order list (Dutch, as people share the links), for the page and the model that reads them. */
export const ORDER_FILTER_PARAMS = { status: "status", bookId: "boek", customerType: "klant", query: "zoek", from: "van", to: "tot", page: "pagina" } as const;
