namespace Backprop.Notebooks;

/// <summary>The stylesheet of published pages: light, readable, system fonts with a Korean (CJK) fallback.</summary>
internal static class PageStyle
{
    public const string Css = """
:root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --code-bg:#f6f8fa; --accent:#0969da; --ok:#1a7f37; --bad:#cf222e; }
* { box-sizing: border-box; }
body { margin:0; color:var(--fg); background:#fff; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
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
.math { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", serif; }
pre, code { font-family: ui-monospace, SFMono-Regular, "JetBrains Mono", Menlo, Consolas, "D2Coding", "Noto Sans Mono CJK KR", monospace; }
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
table.index { border-collapse:collapse; width:100%; }
table.index th, table.index td { border-bottom:1px solid var(--line); padding:.45rem .6rem; text-align:left; }
table.index td.num, table.index th:nth-child(n+3) { text-align:right; font-variant-numeric: tabular-nums; }
.status-ok { color:var(--ok); font-weight:600; } .status-bad { color:var(--bad); font-weight:600; }
""";
}
