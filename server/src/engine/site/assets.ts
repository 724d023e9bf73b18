// The site's own style and script, written next to the pages: nothing is
// fetched from elsewhere (no fonts, no libraries), so the site works offline,
// from `file://`, and makes no request a reader did not ask for.

export const SITE_CSS = `:root{--ink:#1b1f24;--muted:#4a5562;--line:#c9d1da;--paper:#fff;--accent:#0b5cad;--done:#1a7f37;--doing:#9a6700;--skip:#6e7781;--soft:#f3f6f9}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;font-size:100%;line-height:1.5;color:var(--ink);background:var(--paper)}
body{margin:0 auto;max-width:52rem;padding:0 1rem 2rem}
a{color:var(--accent);text-underline-offset:.15em}
a:focus-visible,summary:focus-visible,button:focus-visible,select:focus-visible{outline:3px solid #f5b400;outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{position:static;display:inline-block;margin:.5rem 0}
.site-header nav{display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;padding:.75rem 0;border-bottom:1px solid var(--line)}
.language{margin-left:auto}
h1{font-size:1.9rem;line-height:1.2;margin:1.25rem 0 .25rem;overflow-wrap:anywhere}
h2{font-size:1.35rem;margin:1.75rem 0 .5rem}
h3{font-size:1.05rem;margin:1.1rem 0 .3rem}
.place{color:var(--muted);margin:0 0 .75rem;font-size:1.05rem}
.intro,.about{color:var(--muted)}
.written{white-space:pre-line;overflow-wrap:anywhere}
li,dd,p,blockquote{overflow-wrap:anywhere}
ul.plain,ol.projects{list-style:none;padding:0}
.projects>li{border:1px solid var(--line);border-radius:.5rem;padding:.25rem 1rem 1rem;margin:0 0 1rem}
.projects h2{margin-top:.75rem}
.steps{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:.25rem;list-style:none;padding:0;margin:.5rem 0 .75rem;counter-reset:step}
.step{border-top:.35rem solid var(--line);padding:.25rem .3rem 0;font-size:.9rem;line-height:1.25}
.step-name{display:block;font-weight:600}
.step-state{font-size:.85rem;color:var(--muted);font-weight:400}
.step-done{border-top-color:var(--done)}
.step-in-progress{border-top-color:var(--doing)}
.step-skipped{border-top-style:dashed;border-top-color:var(--skip)}
.facts{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.2rem 1rem;margin:.5rem 0}
.facts dt{font-weight:600}
.facts dd{margin:0}
.facts ul{margin:0;padding-left:1.1rem}
.pitch{font-size:1.15rem;background:var(--soft);border-left:.3rem solid var(--accent);padding:.75rem 1rem}
.blank-open{font-style:italic;color:var(--muted)}
.step-section{border-top:1px solid var(--line);margin-top:2rem}
.step-section h2 .step-state{font-size:1rem;margin-left:.5rem}
.feedback blockquote{margin:.25rem 0 .25rem 1rem;font-style:italic}
.feedback>li,.tactics>li{margin-bottom:.75rem}
.taken-up{display:block;font-size:.9rem;color:var(--muted)}
.person-private{font-style:italic}
.person-details{color:var(--muted)}
details{margin:.25rem 0}
summary{cursor:pointer;padding:.2rem 0}
.filters:empty{display:none}
.filters{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0;padding:.75rem;background:var(--soft);border-radius:.5rem}
.filters label{display:flex;flex-direction:column;font-weight:600;gap:.2rem}
.filters select{font:inherit;padding:.3rem;min-width:12rem}
.site-footer{margin-top:3rem;padding-top:1rem;border-top:1px solid var(--line);font-size:.9rem;color:var(--muted)}
.root-page .languages{font-size:1.25rem}
.sheet-page .sheet{border:1px solid var(--line);padding:12mm;margin:1rem auto;max-width:190mm}
.sheet{font-size:16pt;line-height:1.35}
.sheet h1{font-size:30pt;line-height:1.2;margin:0 0 6mm}
.sheet h2{font-size:20pt;line-height:1.2;margin:8mm 0 3mm}
.sheet-place{font-size:16pt;color:var(--muted);margin:0 0 2mm}
.sheet-pitch{font-size:17pt;margin:0}
.sheet-channels{padding-left:1.2em;margin:0}
.sheet-channels li{margin-bottom:2mm}
.sheet .steps{margin-top:8mm;font-size:12pt}
.sheet-address{font-size:13pt;margin-top:6mm}
/* Each part of the sheet has a most number of lines, whatever its text: with the fixed box below, the sheet is always one page. */
.sheet h1,.sheet-place,.sheet-pitch,.sheet-channels .clamp,.sheet-ask,.sheet-address{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden;overflow-wrap:anywhere}
.sheet-place{-webkit-line-clamp:1}
.sheet h1{-webkit-line-clamp:3}
.sheet-pitch{-webkit-line-clamp:10}
.sheet-channels .clamp,.sheet-ask,.sheet-address{-webkit-line-clamp:2}
@media (max-width:36rem){.facts{grid-template-columns:1fr}.facts dd{margin-bottom:.4rem}.steps{grid-template-columns:repeat(2,minmax(0,1fr));row-gap:.5rem}h1{font-size:1.6rem}}
@media print{
  @page{margin:10mm}
  html{font-size:11pt}
  body{max-width:none;padding:0}
  .site-header,.skip,.filters,.browse,.sheet-link,.iterations{display:none}
  a{color:inherit;text-decoration:none}
  .project-page .step-section,.projects>li{break-inside:avoid-page}
  .sheet-page .site-footer{display:none}
  .sheet-page .sheet{border:0;margin:0;padding:0;width:100%;max-width:none;height:255mm;overflow:hidden}
}
`;

/** Filters by step and place, over cards that carry `data-step` and `data-place`; without it, the lists in `<details>` do the job. */
export const SITE_JS = `(function () {
  'use strict';
  var box = document.querySelector('.filters');
  var cards = Array.prototype.slice.call(document.querySelectorAll('.projects > li'));
  if (!box || !cards.length) return;
  var none = document.querySelector('.filter-none');
  function choices(kind) {
    return Array.prototype.slice.call(document.querySelectorAll('.browse-' + kind + ' details')).map(function (d) {
      return { value: d.getAttribute('data-' + kind), label: d.querySelector('summary').firstChild.textContent.trim() };
    });
  }
  function select(kind) {
    var label = document.createElement('label');
    label.textContent = box.getAttribute('data-label-' + kind);
    var menu = document.createElement('select');
    menu.name = kind;
    var all = document.createElement('option');
    all.value = '';
    all.textContent = box.getAttribute('data-label-all');
    menu.appendChild(all);
    choices(kind).forEach(function (choice) {
      var option = document.createElement('option');
      option.value = choice.value;
      option.textContent = choice.label;
      menu.appendChild(option);
    });
    menu.addEventListener('change', apply);
    label.appendChild(menu);
    box.appendChild(label);
    return menu;
  }
  var step = select('step');
  var place = select('place');
  function apply() {
    var shown = 0;
    cards.forEach(function (card) {
      var ok = (!step.value || card.getAttribute('data-step') === step.value) && (!place.value || card.getAttribute('data-place') === place.value);
      card.hidden = !ok;
      if (ok) shown++;
    });
    if (none) none.hidden = shown > 0;
  }
})();
`;
