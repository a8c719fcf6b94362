/**
 * The comments of a TypeScript or JavaScript source, in place: every character that is not part of
 * a comment becomes a space (newlines stay), so line numbers still match the file. Strings,
 * template literals and regular expressions are skipped, so a `//` inside one is not a comment.
 * A small lexer, not a parser: a `/` counts as a regular expression after an operator, an opening
 * bracket, a comma or a keyword such as `return`, else as a division. JSX text is read as code, and
 * an apostrophe in it only blanks the rest of its line.
 */
const REGEX_AFTER_CHAR = new Set([...'(,=:[!&|?{};+-*%<>~^']);
const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
]);

export function commentText(source: string): string {
  const out: string[] = [];
  const keep = (from: number, to: number) => out.push(source.slice(from, to));
  const blank = (from: number, to: number) => out.push(source.slice(from, to).replace(/[^\n]/g, ' '));
  // Template nesting: each entry is the brace depth at which a `${…}` closes back into its template.
  const templates: number[] = [];
  let depth = 0;
  let lastSignificant = '';
  let lastWord = '';
  let i = 0;
  const n = source.length;

  const regexAllowed = () =>
    lastSignificant === '' || REGEX_AFTER_CHAR.has(lastSignificant) || REGEX_AFTER_WORD.has(lastWord);

  /** Scans a template literal body from `start` (just after a backtick or a `}`) to its end or its next `${`. */
  const templateBody = (start: number): number => {
    let j = start;
    while (j < n) {
      if (source[j] === '\\') j += 2;
      else if (source[j] === '`') return j + 1;
      else if (source[j] === '$' && source[j + 1] === '{') {
        templates.push(depth);
        depth += 1;
        return j + 2;
      } else j += 1;
    }
    return n;
  };

  while (i < n) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      keep(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      keep(i, stop);
      i = stop;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < n && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      blank(i, Math.min(j + 1, n));
      i = Math.min(j + 1, n);
      lastSignificant = 'a';
      lastWord = '';
    } else if (c === '`') {
      const stop = templateBody(i + 1);
      blank(i, stop);
      i = stop;
      lastSignificant = 'a';
      lastWord = '';
    } else if (c === '}' && templates.length > 0 && templates.at(-1) === depth - 1) {
      templates.pop();
      depth -= 1;
      const stop = templateBody(i + 1);
      blank(i, stop);
      i = stop;
      lastSignificant = 'a';
      lastWord = '';
    } else if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < n && source[j] !== '\n') {
        const ch = source[j];
        if (ch === '/' && !inClass) break;
        if (ch === '[') inClass = true;
        else if (ch === ']') inClass = false;
        j += ch === '\\' ? 2 : 1;
      }
      j += 1;
      while (j < n && /[a-z]/i.test(source[j]!)) j += 1;
      blank(i, Math.min(j, n));
      i = Math.min(j, n);
      lastSignificant = 'a';
      lastWord = '';
    } else if (/[A-Za-z0-9_$]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$]/.test(source[j]!)) j += 1;
      lastWord = source.slice(i, j);
      lastSignificant = 'a';
      blank(i, j);
      i = j;
    } else {
      if (c === '{') depth += 1;
      else if (c === '}') depth -= 1;
      if (!/\s/.test(c)) {
        lastSignificant = c;
        lastWord = '';
      }
      blank(i, i + 1);
      i += 1;
    }
  }
  return out.join('');
}
