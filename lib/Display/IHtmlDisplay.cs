namespace Backprop;

/// <summary>Anything the notebooks show as HTML: graphs, charts, matrices, digits, tables.</summary>
public interface IHtmlDisplay
{
    /// <summary>A self-contained HTML fragment: no external CSS, explicit background for dark themes.</summary>
    string ToHtml();
}
