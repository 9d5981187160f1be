// The presentation, embed and builder pages load this before their first paint (a blocking script of a few hundred
// bytes from the site's own origin: the CSP allows no inline script). A host page that asks for ?theme=light or
// ?theme=dark gets it from the first frame: before, an embed set to light on a reader's dark system painted dark
// until the app's script had loaded and run. The app sets the same attribute from the same choice when it starts
// (src/lib/config/url.ts reads the parameter the same way: trimmed, light or dark, anything else is "auto").
(function () {
  var t = (new URLSearchParams(location.search).get('theme') || '').trim();
  if (t === 'light' || t === 'dark') document.documentElement.setAttribute('data-theme', t);
})();
