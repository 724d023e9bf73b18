// The pitch preview's HTML: a static shell. The only values put into it are
// the webview's own resource addresses and a fresh nonce; everything from the
// user's file arrives later as data (postMessage) and is set with textContent,
// and so do the preview's words in the reader's language (the `data-word`
// marks say where; the English here shows until the first render).
import * as vscode from 'vscode';

export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = newNonce();
  const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', name)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource}`,
    // Not covered by default-src: no <base> may redirect our relative addresses, no form may post anywhere.
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${media('preview.css')}">
  <title>Pitch Preview</title>
</head>
<body>
  <main id="app" class="loading">
    <header class="project">
      <div class="project-text">
        <h1 id="project-title" data-word="title">Pitch Preview</h1>
        <p id="project-meta" class="meta"></p>
      </div>
      <div class="toolbar" role="toolbar" aria-label="Pitch actions" data-word-aria-label="pitchActions">
        <button type="button" id="copy-markdown" class="action" title="Copy the pitch as Markdown" data-word="copyMarkdown" data-word-title="copyMarkdownTitle">Copy as Markdown</button>
        <button type="button" id="open-source" class="action secondary" title="Show the YAML file" data-word="openSource" data-word-title="openSourceTitle">Open YAML</button>
      </div>
    </header>

    <p id="notice" class="notice" role="status" hidden></p>

    <div id="content" hidden>
      <nav aria-label="The four steps" data-word-aria-label="steps">
        <ol id="steps" class="steps"></ol>
      </nav>

      <section aria-labelledby="pitch-heading">
        <h2 id="pitch-heading" data-word="pitch">Pitch</h2>
        <p id="pitch-origin" class="meta"></p>
        <blockquote id="pitch" class="pitch"></blockquote>
      </section>

      <section aria-labelledby="blanks-heading">
        <h2 id="blanks-heading" data-word="stillBlank">Still blank</h2>
        <p id="blanks-none" class="meta" hidden data-word="everyBlankFilled">Every blank of the pitch is filled.</p>
        <ul id="blanks" class="blanks"></ul>
      </section>

      <section aria-labelledby="problems-heading">
        <h2 id="problems-heading" data-word="problems">Problems</h2>
        <p id="problems-none" class="meta" hidden></p>
        <ul id="problems" class="problems"></ul>
      </section>
    </div>
  </main>
  <script nonce="${nonce}" src="${media('preview.js')}"></script>
</body>
</html>`;
}

/** 18 random bytes in base64, from the Web Crypto API (in VS Code's Node and in browsers alike). */
function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}
