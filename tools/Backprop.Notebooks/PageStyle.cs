namespace Backprop.Notebooks;

/// <summary>
/// The stylesheet of published pages: light, readable, system fonts with a Korean (CJK) fallback; printed, a page is a
/// handout: code wraps, nothing scrolls, charts are their static pictures, pictures fit the paper, outputs stay whole.
/// </summary>
internal static class PageStyle
{
    public const string Css = """
:root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --code-bg:#f6f8fa; --accent:#0969da; --ok:#1a7f37; --bad:#cf222e; }
* { box-sizing: border-box; }
body { margin:0; color:var(--fg); background:#fff; font: 16px/1.6 system-ui, "Backprop Hangul", -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  "Noto Sans KR", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
header.page { border-bottom:1px solid var(--line); margin-bottom:1.5rem; padding-bottom:.75rem; }
header.page h1 { margin:0 0 .25rem; font-size:1.6rem; }
header.page .meta { color:var(--muted); font-size:.9rem; }
a { color:var(--accent); }
h1,h2,h3,h4 { line-height:1.25; margin:1.4em 0 .5em; }
.markdown { margin: 1rem 0; }
.markdown table { border-collapse: collapse; }
.markdown th, .markdown td { border:1px solid var(--line); padding:.3rem .6rem; }
.markdown code { background:var(--code-bg); padding:.1em .3em; border-radius:4px; font-size:.9em; }
.markdown pre { background:var(--code-bg); border:1px solid var(--line); border-radius:6px; padding:.6rem .8rem; overflow-x:auto; font-size:.88rem; }
.markdown pre code { background:none; padding:0; font-size:inherit; }
.math { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", serif; }
div.math { overflow-x:auto; overflow-y:hidden; }
pre, code { font-family: ui-monospace, SFMono-Regular, "JetBrains Mono", Menlo, Consolas, "Cascadia Mono", "DejaVu Sans Mono", "Liberation Mono", "D2Coding", "Backprop Hangul", "Noto Sans Mono CJK KR", monospace; }
.cell { margin: 1rem 0; }
.code { display:flex; gap:.5rem; }
.prompt { flex: 0 0 3.2rem; text-align:right; color:var(--muted); font: .8rem/1.9 ui-monospace, monospace; padding-top:.5rem; }
.source { flex:1; min-width:0; margin:0; background:var(--code-bg); border:1px solid var(--line); border-radius:6px; padding:.6rem .8rem;
  overflow-x:auto; font-size:.88rem; line-height:1.5; }
.cell.failed .source { border-left:4px solid var(--bad); }
.outputs { margin-left:3.7rem; }
.output { margin:.4rem 0; overflow-x:auto; }
.output pre { margin:0; padding:.4rem .6rem; font-size:.85rem; white-space:pre-wrap; }
.output pre.stderr { background:#fff8c5; }
.output pre.error { color:var(--bad); background:#ffebe9; border:1px solid #ffcecb; border-radius:6px; }
.output table { border-collapse:collapse; font-size:.85rem; }
.output th, .output td { border:1px solid var(--line); padding:.2rem .5rem; text-align:right; }
.k { color:#cf222e; } .s { color:#0a3069; } .c { color:#6e7781; font-style:italic; } .n { color:#0550ae; } .t { color:#8250df; } .d { color:#953800; }
nav.site, nav.pager { display:flex; justify-content:space-between; gap:1rem; max-width:980px; margin:0 auto; padding:.6rem 1.5rem;
  font-size:.9rem; }
nav.site { border-bottom:1px solid var(--line); }
nav.site a, nav.pager a { text-decoration:none; flex:1; } nav a.home { text-align:center; color:var(--muted); } nav a.next { text-align:right; }
nav.languages { max-width:980px; margin:0 auto; padding:.35rem 1.5rem 0; text-align:right; font-size:.85rem; }
nav.languages a { text-decoration:none; border:1px solid var(--line); border-radius:4px; padding:.05rem .5rem; }
nav.pager { font-size:1rem; padding-top:1rem; border-top:1px solid var(--line); }
nav.toc { border:1px solid var(--line); border-radius:6px; background:#fbfcfd; padding:.6rem 1rem; margin:1rem 0 1.5rem; font-size:.92rem; }
nav.toc .toc-title { font-weight:600; margin-bottom:.2rem; } nav.toc ul { margin:0; padding-left:1.2rem; }
nav.toc li.toc-3 { margin-left:1rem; list-style:circle; } nav.toc a { text-decoration:none; }
footer.page { margin-bottom:2rem; }
.run-status { color:var(--muted); font-size:.8rem; text-align:center; margin-top:.6rem; } .run-status.bad { color:var(--bad); }
.run-failed { background:#ffebe9; border:1px solid #ffcecb; color:var(--bad); border-radius:6px; padding:.6rem .8rem; margin:1rem 0; }
header.course { border-bottom:1px solid var(--line); margin-bottom:1rem; } header.course h1 { margin:.5rem 0 .3rem; font-size:2rem; }
header.course p { color:var(--muted); margin-top:0; }
ol.lessons { list-style:none; padding:0; } ol.lessons li { padding:.8rem 0 1rem; border-bottom:1px solid var(--line); }
ol.lessons h2 { margin:0 0 .2rem; font-size:1.25rem; } ol.lessons h2 a { text-decoration:none; }
ol.lessons .sections { color:var(--muted); font-size:.9rem; font-style:italic; } ol.lessons p { margin:.4rem 0; }
ol.lessons .run-status { text-align:left; }
.bp-chart-static svg { display:block; }
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 10.5pt; }
  main { max-width:none; padding:0; }
  nav.site, nav.pager, nav.languages, .run-status { display:none; }
  .source, .markdown pre, .output pre, pre, code { white-space:pre-wrap !important; overflow-wrap:anywhere; word-break:normal; }
  .source, .markdown pre, .output, div.math, .output pre { overflow:visible !important; }
  .outputs { margin-left:0; }
  .prompt { flex-basis:2.2rem; }
  .output, .code, nav.toc, table, figure { break-inside:avoid; }
  h1, h2, h3, h4 { break-after:avoid; }
  .bp-plot, .modebar, .modebar-container { display:none !important; }
  .bp-chart-static { display:block !important; }
  svg, img, canvas, table, .bp-chart { max-width:100% !important; }
  svg, img { height:auto !important; }
  .output > * { max-width:100%; }
  a { color:inherit; text-decoration:none; }
}
""";
}
