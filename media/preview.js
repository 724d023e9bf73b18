// Pitch preview webview script. Renders the data the extension posts; every
// piece of user text goes in with textContent (never innerHTML), links are
// https: only, and clicks post small, fixed-shape messages back.
// The shapes are declared in client/src/preview/model.ts and messages.ts.
// @ts-check
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();

  const STEP_SYMBOLS = {
    done: '\u2713', // ✓
    'in-progress': '\u25D0', // ◐
    'not-started': '\u25CB', // ○
    skipped: '\u21B7', // ↷
    absent: '\u25CB',
  };
  /** The preview's words in the reader's language (PreviewWords in client/src/preview/messages.ts), sent with every render. */
  /** @type {Record<string, unknown>} */
  let words = {};

  /** A word, with `{0}` replaced by `value`. @param {string} key @param {string} [value] */
  const word = (key, value = '') => str(words[key]).replace('{0}', () => value);

  /** Sets the shell's own words (marked data-word, data-word-title, data-word-aria-label). @param {any} given */
  function applyWords(given) {
    if (!given || typeof given !== 'object') return;
    words = { ...words, ...given };
    if (str(given.lang)) document.documentElement.lang = str(given.lang);
    for (const node of document.querySelectorAll('[data-word]')) node.textContent = str(given[str(node.getAttribute('data-word'))]) || node.textContent;
    for (const attribute of ['title', 'aria-label']) {
      for (const node of document.querySelectorAll(`[data-word-${attribute}]`)) {
        const text = str(given[str(node.getAttribute(`data-word-${attribute}`))]);
        if (text) node.setAttribute(attribute, text);
      }
    }
  }

  /** @param {string} id */
  const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

  const app = byId('app');
  const titleEl = byId('project-title');
  const metaEl = byId('project-meta');
  const noticeEl = byId('notice');
  const contentEl = byId('content');
  const stepsEl = byId('steps');
  const pitchEl = byId('pitch');
  const pitchOriginEl = byId('pitch-origin');
  const blanksEl = byId('blanks');
  const blanksNoneEl = byId('blanks-none');
  const problemsEl = byId('problems');
  const problemsNoneEl = byId('problems-none');

  byId('copy-markdown').addEventListener('click', () => vscode.postMessage({ type: 'copyMarkdown' }));
  byId('open-source').addEventListener('click', () => vscode.postMessage({ type: 'openSource' }));

  /**
   * @param {string} tag
   * @param {string} [className]
   * @param {string} [text]
   */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** @param {unknown} value */
  const str = (value) => (typeof value === 'string' ? value : '');

  /** @param {unknown} value @returns {string | undefined} */
  function httpsUrl(value) {
    if (typeof value !== 'string') return undefined;
    try {
      const url = new URL(value);
      return url.protocol === 'https:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  }

  /** @param {HTMLElement} node */
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  /** @param {{ text?: unknown, fileName?: unknown }} view */
  function renderNotice(view) {
    titleEl.textContent = word('title');
    metaEl.textContent = str(view.fileName);
    noticeEl.textContent = str(view.text);
    noticeEl.hidden = false;
    contentEl.hidden = true;
  }

  /** @param {any} view */
  function renderDocument(view) {
    noticeEl.hidden = true;
    contentEl.hidden = false;

    titleEl.textContent = str(view.title) || str(view.fileName) || word('untitled');
    const meta = [];
    if (str(view.place)) meta.push(str(view.place));
    if (typeof view.iteration === 'number') meta.push(word('iteration', String(view.iteration)));
    if (str(view.fileName)) meta.push(str(view.fileName));
    metaEl.textContent = meta.join(' \u00B7 ');

    renderSteps(Array.isArray(view.steps) ? view.steps : []);
    renderPitch(view);
    renderProblems(view);
  }

  /** @param {any[]} steps */
  function renderSteps(steps) {
    clear(stepsEl);
    for (const step of steps) {
      const status = str(step.status);
      const li = el('li', `step status-${status.replace(/[^a-z-]/g, '')}`);
      if (step.current) {
        li.classList.add('current');
        li.setAttribute('aria-current', 'step');
      }
      const inner = step.revealable ? el('button', 'step-button link') : el('span', 'step-button');
      if (step.revealable) {
        /** @type {HTMLButtonElement} */ (inner).type = 'button';
        inner.title = word('goToStep', str(step.title));
        inner.addEventListener('click', () => vscode.postMessage({ type: 'revealStep', step: str(step.id) }));
      }
      const symbol = el('span', 'step-symbol', STEP_SYMBOLS[/** @type {keyof typeof STEP_SYMBOLS} */ (status)] || '\u25CB');
      symbol.setAttribute('aria-hidden', 'true');
      inner.append(symbol, el('span', 'step-title', str(step.title)), el('span', 'step-status', str(step.statusLabel)));
      li.append(inner);
      stepsEl.append(li);
    }
  }

  /** @param {any} view */
  function renderPitch(view) {
    clear(pitchEl);
    clear(blanksEl);
    const pitch = view.pitch || {};
    const segments = Array.isArray(pitch.segments) ? pitch.segments : [];
    const blanks = Array.isArray(pitch.blanks) ? pitch.blanks : [];
    const labels = new Map(blanks.map((/** @type {any} */ b) => [str(b.key), str(b.label)]));

    if (!view.parsed) {
      pitchOriginEl.textContent = word('notParsed');
    } else if (pitch.customTemplate) {
      pitchOriginEl.textContent = word('ownFrame');
    } else {
      pitchOriginEl.textContent = word('filled');
    }

    for (const segment of segments) {
      const text = str(segment.text);
      const key = str(segment.blank);
      if (!key) {
        pitchEl.append(document.createTextNode(text));
      } else if (segment.empty) {
        const button = el('button', 'blank empty', text || `[${labels.get(key) || key}]`);
        button.setAttribute('type', 'button');
        button.title = word('blankTitle', labels.get(key) || key);
        button.addEventListener('click', () => vscode.postMessage({ type: 'revealBlank', key }));
        pitchEl.append(button);
      } else {
        const span = el('span', 'blank filled', text);
        span.title = labels.get(key) || key;
        pitchEl.append(span);
      }
    }

    const empty = blanks.filter((/** @type {any} */ b) => b.empty);
    blanksNoneEl.hidden = empty.length > 0 || !view.parsed;
    for (const blank of empty) {
      const key = str(blank.key);
      const li = el('li');
      const button = el('button', 'link blank-link');
      button.setAttribute('type', 'button');
      button.title = word('goToField', str(blank.field));
      button.append(el('span', 'blank-label', str(blank.label)), el('span', 'field', str(blank.field)));
      button.addEventListener('click', () => vscode.postMessage({ type: 'revealBlank', key }));
      li.append(button);
      blanksEl.append(li);
    }
  }

  /** @param {any} view */
  function renderProblems(view) {
    clear(problemsEl);
    const problems = Array.isArray(view.problems) ? view.problems : [];
    if (view.problemsHidden) {
      problemsNoneEl.textContent = word('checkingOff');
    } else {
      problemsNoneEl.textContent = word('noProblems');
    }
    problemsNoneEl.hidden = problems.length > 0;
    problems.forEach((/** @type {any} */ problem, /** @type {number} */ index) => {
      const severity = ['error', 'warning', 'info'].includes(problem.severity) ? problem.severity : 'info';
      const li = el('li', `problem severity-${severity}`);
      const badge = el('span', 'severity', word(severity));
      const button = el('button', 'link problem-message', str(problem.message));
      button.setAttribute('type', 'button');
      button.title = word('goToProblem');
      button.addEventListener('click', () => vscode.postMessage({ type: 'revealProblem', index }));
      const where = el('span', 'meta problem-where', `${word('line', String(Number(problem.line) || 1))} \u00B7 `);
      const docs = httpsUrl(problem.docsUrl);
      const rule = docs ? el('a', 'rule', str(problem.rule)) : el('span', 'rule', str(problem.rule));
      if (docs && rule instanceof HTMLAnchorElement) {
        rule.href = docs;
        rule.title = word('aboutRule', str(problem.rule));
      }
      where.append(rule);
      li.append(badge, button, where);
      problemsEl.append(li);
    });
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object' || message.type !== 'render') return;
    const view = message.view;
    if (!view || typeof view !== 'object') return;
    if (typeof message.uri === 'string') vscode.setState({ uri: message.uri });
    applyWords(message.words);
    app.classList.remove('loading');
    if (view.kind === 'document') renderDocument(view);
    else if (view.kind === 'notice') renderNotice(view);
  });

  vscode.postMessage({ type: 'ready' });
})();
