// Spreadsheet programs (Excel, WPS) run a cell that starts with = + - @, a tab or a carriage
// return as a formula; a leading apostrophe makes them show it as text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
