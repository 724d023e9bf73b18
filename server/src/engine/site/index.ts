// The public site of a city's TDE projects, as files: an index and a page and
// a printable sheet per project, in each language asked for. Pure: the same
// files and dates give the same bytes, so a rebuild changes only what changed.
import { message, type Language } from '../../shared/l10n';
import { escapeHtml } from '../html';
import { SITE_CSS, SITE_JS } from './assets';
import { footerText, page, projectPath, sheetPath, type PageContext, type SiteOptions } from './layout';
import { indexPage } from './indexPage';
import { projectPage } from './projectPage';
import { readSiteProjects, type SiteSource } from './projects';
import { sheetPage } from './sheet';

export type { SiteSource } from './projects';

interface BuiltSite {
  /**
   * Every file of the site: its path from the site's top (with `/`) and its
   * text, made one at a time as they are read, so that a site of many large
   * files never holds all its pages at once.
   */
  files: Iterable<{ path: string; text: string }>;
  /** Files that are not on the site, with why. */
  leftOut: { path: string; reason: string }[];
}

/** The site's top page: one link to each language's index, each in its own language. */
function rootPage(options: SiteOptions): string {
  const [first] = options.languages as [Language];
  const words = (language: Language, key: string) => escapeHtml(message(language, `site.${key}`));
  const sections = options.languages.map((language) => [
    `<section lang="${language}">`,
    `<p class="languages"><a href="${language}/index.html" hreflang="${language}">${words(language, 'root.enter')}</a></p>`,
    `<p>${words(language, 'index.intro')}</p>`,
    '</section>',
  ].join(''));
  const title = options.languages.map((language) => words(language, 'index.title')).join(' · ');
  return [
    '<!doctype html>',
    `<html lang="${first}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${title}</title>`,
    '<link rel="stylesheet" href="assets/site.css">',
    options.baseUrl ? `<link rel="canonical" href="${escapeHtml(options.baseUrl)}">` : '',
    '</head>',
    '<body class="root-page">',
    `<main id="main">`,
    `<h1>${options.languages.map((language, i) => (i === 0 ? words(language, 'index.title') : `<span lang="${language}">${words(language, 'index.title')}</span>`)).join(' · ')}</h1>`,
    ...sections,
    '</main>',
    // One footer (one "contentinfo" for screen readers), in every language.
    `<footer class="site-footer">${options.languages.map((language) => `<div lang="${language}">${footerText({ language })}</div>`).join('')}</footer>`,
    '</body>',
    '</html>',
    '',
  ].filter(Boolean).join('\n');
}

/** Build every page of the site from the files' texts. */
export function buildSite(sources: readonly SiteSource[], options: SiteOptions): BuiltSite {
  const site = readSiteProjects(sources);
  function* files(): Generator<{ path: string; text: string }> {
    yield { path: 'index.html', text: rootPage(options) };
    yield { path: 'assets/site.css', text: SITE_CSS };
    yield { path: 'assets/site.js', text: SITE_JS };
    for (const language of options.languages) {
      const at = (path: string): PageContext => ({ language, path, options });
      yield { path: `${language}/index.html`, text: indexPage(at(`${language}/index.html`), site) };
      for (const project of site.projects) {
        yield { path: projectPath(language, project), text: projectPage(at(projectPath(language, project)), project) };
        yield { path: sheetPath(language, project), text: sheetPage(at(sheetPath(language, project)), project) };
      }
    }
  }
  return { files: files(), leftOut: site.leftOut };
}

/**
 * One project's page as the site would show it, alone: for the editor's
 * preview of the file being written (its style inline under `nonce`, no
 * script). A file that does not parse gets a page that says so.
 */
export function projectPreview(source: SiteSource, language: Language, nonce: string): { title: string; html: string } {
  const project = readSiteProjects([source]).projects[0];
  const options: SiteOptions = { languages: [language], alone: { nonce } };
  const context: PageContext = { language, path: `${language}/projects/preview/index.html`, options };
  if (project) return { title: project.title, html: projectPage(context, project) };
  const main = `<h1>${escapeHtml(source.path)}</h1>\n<p>${escapeHtml(message(language, 'site.preview.unparsed'))}</p>`;
  return { title: source.path, html: page(context, { title: escapeHtml(source.path), main, bodyClass: 'project-page' }) };
}

/** A base URL as the site uses it: http(s), ending in `/`; undefined when it is not one. */
export function siteBaseUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.search || url.hash || url.username || url.password) return undefined;
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
