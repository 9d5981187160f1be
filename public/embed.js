/*
 * Iran–Iraq border explainer: iframe auto-height for host pages (no dependencies, ~1 KB).
 * Add data-iran-iraq-border to the <iframe>, then include this script once. It listens for the embed's documented
 * height message ({type: "iran-iraq-border:height", height}) and only from the iframes it marks.
 */
(function () {
  if (window.__iranIraqBorderResizer) return;
  window.__iranIraqBorderResizer = true;
  // The embed may have reported its height before this script loaded: ask every marked iframe again.
  function ask() {
    var frames = document.querySelectorAll('iframe[data-iran-iraq-border]');
    for (var i = 0; i < frames.length; i++) {
      try {
        frames[i].contentWindow.postMessage({ type: 'iran-iraq-border:request-height' }, '*');
      } catch (err) {
        /* not loaded yet: it will report on load */
      }
    }
  }
  // ...and again whenever one (re)loads.
  var marked = document.querySelectorAll('iframe[data-iran-iraq-border]');
  for (var j = 0; j < marked.length; j++) marked[j].addEventListener('load', ask);
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object' || d.type !== 'iran-iraq-border:height') return;
    var h = Number(d.height);
    if (!(h > 0 && h < 20000)) return;
    var frames = document.querySelectorAll('iframe[data-iran-iraq-border]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) frames[i].style.height = Math.ceil(h) + 'px';
    }
  });
  ask();
})();
