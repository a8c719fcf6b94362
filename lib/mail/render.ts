import { render } from '@react-email/render';
import { TEMPLATES, type TemplateName, type TemplateProps } from './templates/catalog';

export type RenderedEmail = { subject: string; html: string; text: string };

/** One template to its subject, HTML and plain-text parts (the text is rendered from the same tree). */
export async function renderEmail<K extends TemplateName>(name: K, props: TemplateProps[K]): Promise<RenderedEmail> {
  const { subject, element } = TEMPLATES[name](props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}
