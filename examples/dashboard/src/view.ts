import type { Lang } from './i18n.js';

// Which view the address asks for: the overview of the demo authority (the default), the
// portfolio of every authority (`?view=portfolio`), or one initiative (`?initiative=<id>`).
// Views are plain links: each opens the page afresh, so every view has its own address.

/** A view of the page. */
export type View =
  | { readonly kind: 'overview' }
  | { readonly kind: 'portfolio' }
  | { readonly kind: 'initiative'; readonly id: string };

/** The view the address names. */
export function viewOfAddress(search: string): View {
  const params = new URLSearchParams(search);
  const initiative = params.get('initiative');
  if (initiative) return { kind: 'initiative', id: initiative };
  return params.get('view') === 'portfolio' ? { kind: 'portfolio' } : { kind: 'overview' };
}

/** The address of a view in a language. */
export function hrefOf(view: View, lang: Lang): string {
  const params = new URLSearchParams({ lang });
  if (view.kind === 'portfolio') params.set('view', 'portfolio');
  if (view.kind === 'initiative') params.set('initiative', view.id);
  return `?${params}`;
}
