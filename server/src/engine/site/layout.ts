// What every page of the public site shares: the words in the reader's
// language, escaped; links relative to the page, so the site works from
// `file://` and under any base path; the page's frame with its language
// switch and the footer that says what the site leaves out.
import { catalogueKeys, message, vocabularyText, type Language } from '../../shared/l10n';
import { escapeHtml } from '../html';
import { enums, stepInfo, tacticById, type StepId } from '../vocabulary';
import type { SiteProject, StepState } from './projects';
import { STEP_IDS } from '../vocabulary';
import { SITE_CSS } from './assets';
import { linkFrom } from './paths';

export interface SiteOptions {
  /** The languages to build, in the order the switch lists them. */
  languages: readonly Language[];
  /** Absolute URL the site is published under (ending in `/`), for canonical and social links. */
  baseUrl?: string;
  /**
   * A page shown alone, in the editor's preview: its style inline under this
   * nonce (the only style the page's policy allows), no script, no links to
   * other pages of the site.
   */
  alone?: { nonce: string };
}

/** One page being written: its language, its path in the site, the site's options. */
export interface PageContext {
  language: Language;
  /** The page's path from the site's top, with `/` (`en/projects/x/index.html`). */
  path: string;
  options: SiteOptions;
}

const englishKeys = new Set(catalogueKeys('en'));

/** Our words for `site.<key>`, with the values filled in, escaped for HTML. */
export function say(context: Pick<PageContext, 'language'>, key: string, values: Record<string, string | number> = {}): string {
  return escapeHtml(message(context.language, `site.${key}`, values));
}

/** A file's own text, as written, escaped for HTML. */
export const own = escapeHtml;

/** A value of one of the format's lists (a role, a status, a channel) as a reader reads it. */
export function valueLabel(context: Pick<PageContext, 'language'>, list: string, value: string): string {
  for (const key of [`value.${list}.${value}`, `${list}.${value}`]) {
    if (englishKeys.has(key)) return escapeHtml(message(context.language, key));
  }
  return escapeHtml(enums[list]?.some((entry) => entry.value === value) ? value.replace(/-/g, ' ') : value);
}

export function stepName(context: Pick<PageContext, 'language'>, step: StepId): string {
  return escapeHtml(vocabularyText(context.language, `step.${step}.title`, stepInfo(step).title));
}

export function stepSummary(context: Pick<PageContext, 'language'>, step: StepId): string {
  return escapeHtml(vocabularyText(context.language, `step.${step}.summary`, stepInfo(step).summary));
}

/** A tactic's name in the reader's language, or the id as written when the method has no such tactic. */
export function tacticName(context: Pick<PageContext, 'language'>, id: string): string {
  const tactic = tacticById(id);
  return escapeHtml(tactic ? vocabularyText(context.language, `tactic.${id}.name`, tactic.name) : id);
}

export function tacticSummary(context: Pick<PageContext, 'language'>, id: string): string | undefined {
  const tactic = tacticById(id);
  return tactic ? escapeHtml(vocabularyText(context.language, `tactic.${id}.summary`, tactic.summary)) : undefined;
}

/** The link from the page to another page of the site (a path from the top). */
export function href(context: Pick<PageContext, 'path'>, target: string): string {
  return escapeHtml(linkFrom(context.path, target));
}

export const projectPath = (language: Language, project: SiteProject): string => `${language}/projects/${project.slug}/index.html`;
export const sheetPath = (language: Language, project: SiteProject): string => `${language}/projects/${project.slug}/sheet.html`;

/** The same page in another language: the path with its first folder swapped. */
function inLanguage(path: string, language: Language): string {
  return `${language}/${path.split('/').slice(1).join('/')}`;
}

/** A web link from the file, only when it is one: anything but http(s) and mailto (`javascript:`, `data:`) stays text. */
export function safeUrl(url: string | undefined): string | undefined {
  return url && /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(url.trim()) ? url.trim() : undefined;
}

/** A date as `YYYY-MM-DD` in a `<time>` element; other text as written. */
export function dateText(value: string | undefined): string {
  if (!value) return '';
  const day = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  return day ? `<time datetime="${day}">${day}</time>` : own(value);
}

/** The four steps drawn as a row: each step's name and where it stands. */
export function stepRow(context: Pick<PageContext, 'language'>, states: Record<StepId, StepState>): string {
  const items = STEP_IDS.map((step) => `<li class="step step-${states[step]}"><span class="step-name">${stepName(context, step)}</span> <span class="step-state">${valueLabel(context, 'status', states[step])}</span></li>`);
  return `<ol class="steps" aria-label="${say(context, 'steps.label')}">${items.join('')}</ol>`;
}

/** The link to the site's own assets (CSS, script) from the page. */
function assetHref(context: Pick<PageContext, 'path'>, asset: string): string {
  return href(context, `assets/${asset}`);
}

interface Frame {
  title: string;
  /** The page's `<main>`, already HTML. */
  main: string;
  description?: string;
  bodyClass: string;
  script?: boolean;
  /** Links shown above the heading, already HTML. */
  nav?: string;
}

/** A whole page: head, language switch, main, footer. */
export function page(context: PageContext, frame: Frame): string {
  const { language, options } = context;
  const others = options.languages.filter((other) => other !== language);
  const base = options.baseUrl;
  const nonce = options.alone && escapeHtml(options.alone.nonce);
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing from outside the site, and nothing inline: a file's text can never become a request or a script.
    nonce
      ? `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'">`
      : `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${frame.title}</title>`,
    frame.description ? `<meta name="description" content="${frame.description}">` : '',
    nonce ? `<style nonce="${nonce}">${SITE_CSS}</style>` : `<link rel="stylesheet" href="${assetHref(context, 'site.css')}">`,
    ...(base
      ? [
          `<link rel="canonical" href="${escapeHtml(base + context.path.replace(/index\.html$/, ''))}">`,
          ...others.map((other) => `<link rel="alternate" hreflang="${other}" href="${escapeHtml(base + inLanguage(context.path, other).replace(/index\.html$/, ''))}">`),
          `<meta property="og:title" content="${frame.title}">`,
          `<meta property="og:url" content="${escapeHtml(base + context.path.replace(/index\.html$/, ''))}">`,
          `<meta property="og:locale" content="${language === 'es' ? 'es_US' : 'en_US'}">`,
          frame.description ? `<meta property="og:description" content="${frame.description}">` : '',
        ]
      : []),
  ].filter(Boolean);
  const switches = others.map((other) =>
    `<a class="language" href="${href(context, inLanguage(context.path, other))}" hreflang="${other}" lang="${other}">${escapeHtml(message(other, 'site.language.switch'))}</a>`);
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head>',
    ...head,
    '</head>',
    `<body class="${frame.bodyClass}">`,
    `<a class="skip" href="#main">${say(context, 'skip')}</a>`,
    nonce ? '' : `<header class="site-header"><nav aria-label="${say(context, 'nav.label')}">${frame.nav ?? ''}${switches.join(' ')}</nav></header>`,
    `<main id="main">`,
    frame.main,
    '</main>',
    footer(context),
    frame.script && !nonce ? `<script src="${assetHref(context, 'site.js')}" defer></script>` : '',
    '</body>',
    '</html>',
    '',
  ].filter((line) => line !== '').join('\n');
}

/** What the site leaves out, and what the method is, in a language. */
export function footerText(context: Pick<PageContext, 'language'>): string {
  return `<p>${say(context, 'footer.privacy')}</p><p>${say(context, 'footer.about')}</p>`;
}

/** The foot of every page. */
function footer(context: Pick<PageContext, 'language'>): string {
  return `<footer class="site-footer">${footerText(context)}</footer>`;
}
