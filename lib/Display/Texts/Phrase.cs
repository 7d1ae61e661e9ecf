using System;
using System.Globalization;

namespace Backprop.Display.Texts;

/// <summary>
/// A fixed piece of text in English and Korean, kept in the per-area tables (<see cref="StepperTexts"/>,
/// <see cref="CheckTexts"/>, ...); <see cref="ToString"/> reads it in the current UI culture.
/// </summary>
/// <remarks>Placeholders like <c>{name}</c> appear in both languages; <see cref="Fill"/> (or the page's script) fills them.</remarks>
internal readonly record struct Phrase(string English, string Korean)
{
    public override string ToString() => Localized.Pick(English, Korean);

    /// <summary>The text in the current UI culture with each <c>{key}</c> replaced (numbers as the invariant culture writes them).</summary>
    public string Fill(params (string Key, object Value)[] values)
    {
        string text = ToString();
        foreach (var (key, value) in values)
        {
            text = text.Replace("{" + key + "}", Convert.ToString(value, CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }
}
