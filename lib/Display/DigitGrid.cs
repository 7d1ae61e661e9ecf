using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Backprop.Display;
using Backprop.Display.Texts;

namespace Backprop;

/// <summary>
/// MNIST digits (§3.6) as a grid of small crisp images with their label and, when given, the network's
/// prediction; misclassified digits are framed in red. Made by <see cref="Show.Digits(MathNet.Numerics.LinearAlgebra.Matrix{double}, Labels?, Labels?, int, int)"/>.
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource))]
public sealed class DigitGrid : IHtmlDisplay
{
    private readonly IReadOnlyList<double[]> _images;

    internal DigitGrid(IReadOnlyList<double[]> images, IReadOnlyList<int>? labels, IReadOnlyList<int>? predictions, int columns)
    {
        foreach (var (list, what) in new[] { (labels, "labels"), (predictions, "predictions") })
        {
            if (list is not null && list.Count < images.Count)
            {
                throw new ArgumentException($"{images.Count} images but only {list.Count} {what}.");
            }
        }

        Side = images.Count == 0 ? 0 : (int)Math.Round(Math.Sqrt(images[0].Length));
        if (images.Any(p => p.Length != Side * Side))
        {
            throw new ArgumentException($"Digit images must be square (784 = 28×28 pixels); got rows of {images[0].Length}.");
        }

        _images = images;
        Labels = labels;
        Predictions = predictions;
        Columns = Math.Max(1, columns);
    }

    public int Count => _images.Count;

    public int Side { get; }

    public int Columns { get; }

    public IReadOnlyList<int>? Labels { get; }

    public IReadOnlyList<int>? Predictions { get; }

    public int Misclassified => Labels is null || Predictions is null
        ? 0
        : Enumerable.Range(0, Count).Count(i => Labels[i] != Predictions[i]);

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append($"<div class=\"bp-digits\" style=\"display:inline-block;background:{Html.Paper};color:{Html.Ink};font-family:{Html.FontStack};font-size:12px;padding:8px;border-radius:6px;border:1px solid {Html.Rule}\">");
        html.Append($"<div class=\"bp-caption\" style=\"color:{Html.Muted};margin-bottom:6px\">{Html.Escape(Summary())}</div>");
        // A handful of digits (the gradient check's batch of 3) are drawn twice as large, in a panel that fits them.
        int size = Count <= 5 ? 112 : 56;
        html.Append($"<div style=\"display:grid;grid-template-columns:repeat({Math.Clamp(Count, 1, Columns)},{size + 16}px);gap:6px 4px\">");
        for (int i = 0; i < Count; i++)
        {
            bool wrong = Labels is not null && Predictions is not null && Labels[i] != Predictions[i];
            string border = wrong ? Html.Backward : "transparent";
            html.Append($"<figure class=\"bp-digit{(wrong ? " wrong" : "")}\" style=\"margin:0;text-align:center\">");
            html.Append($"<img alt=\"{DisplayTexts.Digit.Fill(("index", i))}\" width=\"{size}\" height=\"{size}\" style=\"image-rendering:pixelated;display:block;margin:0 auto;border:2px solid {border};border-radius:3px\" src=\"data:image/png;base64,{Convert.ToBase64String(Png.Grayscale(ToBytes(_images[i]), Side, Side))}\"/>");
            html.Append($"<figcaption style=\"white-space:nowrap;font-size:11px;margin-top:2px;color:{(wrong ? Html.Backward : Html.Ink)}\">{Html.Escape(Caption(i))}</figcaption></figure>");
        }

        html.Append("</div></div>");
        return html.ToString();
    }

    public override string ToString() =>
        Summary() + (Labels is null ? "" : ": " + string.Join(", ", Enumerable.Range(0, Count).Select(Caption)));

    private string Summary()
    {
        string text = (Count == 1 ? DisplayTexts.OneDigit : DisplayTexts.Digits).Fill(("count", Count), ("side", Side));
        return Predictions is null || Labels is null ? text : $"{text} · {DisplayTexts.Misclassified.Fill(("count", Misclassified))}";
    }

    // "7" for a label alone; "pred 3 ≠ 5" when the prediction misses the label.
    private string Caption(int i) => (Labels, Predictions) switch
    {
        (null, null) => $"#{i}",
        ({ } l, null) => $"{l[i]}",
        (null, { } p) => DisplayTexts.Predicted.Fill(("digit", p[i])),
        ({ } l, { } p) => l[i] == p[i] ? $"{l[i]} ✓" : $"{DisplayTexts.Predicted.Fill(("digit", p[i]))} ≠ {l[i]}",
    };

    // Pixels may be 0–1 (normalised) or 0–255 (raw); both end up as white ink on black, like MNIST.
    private static byte[] ToBytes(double[] pixels)
    {
        double scale = pixels.Length > 0 && pixels.Max() > 1.0 ? 1.0 : 255.0;
        return pixels.Select(p => (byte)Math.Clamp(Math.Round(p * scale), 0, 255)).ToArray();
    }
}
