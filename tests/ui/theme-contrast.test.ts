import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// WCAG 2.2 contrast of the theme tokens in app/globals.css, read from the CSS itself so a colour
// change that breaks AA fails here. Text needs 4.5:1 (1.4.3); the edge of a control and the focus
// ring need 3:1 against what they sit on (1.4.11).
const css = readFileSync(join(import.meta.dirname, '..', '..', 'app', 'globals.css'), 'utf8');

/** `--name: #rrggbb;` declarations of the first block opened by `selector {`. */
function tokens(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no "${selector} {" block in app/globals.css`);
  const body = css.slice(start, css.indexOf('}', start));
  const out: Record<string, string> = {};
  for (const [, name, value] of body.matchAll(/--([a-z-]+):\s*([^;]+);/g))
    out[name as string] = (value as string).trim();
  return out;
}

/** Relative luminance of a #rgb / #rrggbb colour (WCAG definition, sRGB). */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`not a hex colour: ${hex} (tokens are plain hex so this test can read them)`);
  const digits =
    (match[1] as string).length === 3 ? [...(match[1] as string)].map((d) => d + d).join('') : (match[1] as string);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT = 4.5;
const UI = 3;
// [foreground token, background token, minimum]
const PAIRS: [string, string, number][] = [
  ['foreground', 'background', TEXT],
  ['card-foreground', 'card', TEXT],
  ['popover-foreground', 'popover', TEXT],
  ['primary-foreground', 'primary', TEXT],
  ['secondary-foreground', 'secondary', TEXT],
  ['accent-foreground', 'accent', TEXT],
  ['destructive-foreground', 'destructive', TEXT],
  ['success-foreground', 'success', TEXT],
  ['warning-foreground', 'warning', TEXT],
  // Secondary text and placeholders, wherever they sit.
  ['muted-foreground', 'background', TEXT],
  ['muted-foreground', 'card', TEXT],
  ['muted-foreground', 'muted', TEXT],
  // Coloured text on the page: links, field errors, status lines.
  ['primary', 'background', TEXT],
  ['primary', 'card', TEXT],
  ['destructive', 'background', TEXT],
  ['destructive', 'card', TEXT],
  ['success', 'background', TEXT],
  ['warning', 'background', TEXT],
  // Tooltips invert the page colours.
  ['background', 'foreground', TEXT],
  // Control boundaries and focus.
  ['input', 'background', UI],
  ['input', 'card', UI],
  ['input', 'muted', UI],
  ['ring', 'background', UI],
  ['ring', 'card', UI],
  ['primary', 'background', UI],
];

const light = tokens(':root');
const themes = { light, dark: { ...light, ...tokens('.dark') } };

describe.each(Object.entries(themes))('%s theme tokens', (_name, theme) => {
  it.each(PAIRS)('%s on %s reaches %d:1', (fg, bg, min) => {
    const [a, b] = [theme[fg], theme[bg]];
    expect(a, `--${fg} is not defined`).toBeDefined();
    expect(b, `--${bg} is not defined`).toBeDefined();
    expect(contrast(a as string, b as string)).toBeGreaterThanOrEqual(min);
  });
});

describe('contrast()', () => {
  it('matches the WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('refuses a colour it cannot read rather than passing it', () => {
    expect(() => contrast('oklch(0.5 0.1 200)', '#fff')).toThrow(/not a hex colour/);
  });
});
