using System.Globalization;

namespace Backprop.Display.Texts;

/// <summary>
/// Picks the learner's language for the text the library shows (captions, hints, chart labels): Korean when the
/// current UI culture is Korean, English otherwise. Asked each time text is made, so nothing is cached across cultures.
/// </summary>
internal static class Localized
{
    /// <summary>Whether text made now should be Korean (the Korean lessons' setup cell sets the culture "ko").</summary>
    public static bool IsKorean => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko";

    /// <summary>The English or the Korean text, whichever the current UI culture reads; the two sit side by side at the call.</summary>
    public static string Pick(string english, string korean) => IsKorean ? korean : english;
}
