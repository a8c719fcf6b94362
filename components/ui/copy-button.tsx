'use client';

import { Check, Copy } from 'lucide-react';
import { type ComponentProps, useEffect, useState } from 'react';
import { Button } from './button';

type Props = Omit<ComponentProps<typeof Button>, 'onClick' | 'children' | 'asChild'> & {
  /** The text put on the clipboard. */
  value: string;
  /** The button's name for assistive technology, e.g. "Copy invite link". */
  label?: string;
};

type Status = 'idle' | 'copied' | 'failed';

/** Writes `text` with the Clipboard API, or through a selected textarea where that API is missing (plain http). */
async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    // Deprecated but the only synchronous copy outside a secure context.
    if (!document.execCommand('copy')) throw new Error('copy refused');
  } finally {
    area.remove();
  }
}

/**
 * Copies `value` and says so: the button reads "Copied" for two seconds, and a polite live region
 * announces it (or the failure) to screen-reader users, whose focus stays on the button.
 */
export function CopyButton({ value, label = 'Copy', variant = 'outline', size = 'sm', ...props }: Props) {
  const [status, setStatus] = useState<Status>('idle');

  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), 2000);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = () =>
    writeClipboard(value).then(
      () => setStatus('copied'),
      () => setStatus('failed'),
    );

  return (
    <>
      <Button type="button" variant={variant} size={size} onClick={copy} aria-label={label} {...props}>
        {status === 'copied' ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
        <span aria-hidden="true">{status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy failed' : 'Copy'}</span>
      </Button>
      <span role="status" aria-live="polite" className="sr-only">
        {status === 'copied'
          ? 'Copied to the clipboard'
          : status === 'failed'
            ? 'Could not copy; select the text and copy it by hand'
            : ''}
      </span>
    </>
  );
}
