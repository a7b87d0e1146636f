// What agents wrote goes into reports as data, never as structure. Spreadsheets run a
// CSV cell that starts with = + - @ (or a tab or CR) as a formula, so such a cell gets
// a leading apostrophe (OWASP, CSV injection). In Markdown, brackets, bangs, angle
// brackets, ampersands, pipes, backticks and backslashes make links, images and HTML, and
// a leading # or list marker makes a heading or a list: those are escaped, "://" is
// broken so nothing autolinks, and line breaks fold into spaces, so no line of a report
// can start with text an agent chose (the hash line cannot be imitated).
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const MARKDOWN_SPECIAL = /[\\`[\]!<>&|]/g;

export function markdownText(value: string): string {
  return value
    .replace(/[\r\n\u2028\u2029]+/g, " ")
    .replace(MARKDOWN_SPECIAL, (character) => `\\${character}`)
    .replace(/:\/\//g, "\\:\\/\\/")
    .replace(/^([-+=#]|\d+[.)])/, "\\$1");
}
