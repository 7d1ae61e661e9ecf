using System;
using System.Globalization;

namespace Backprop.Tests;

/// <summary>
/// Runs code under a UI culture, as a lesson's setup cell sets it, on this test's own thread only (never the process
/// default), so tests in other cultures can run beside it.
/// </summary>
internal static class UiCulture
{
    public static T Run<T>(string name, Func<T> code)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(name);
        try
        {
            return code();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>Whether the text holds Hangul syllables.</summary>
    public static bool HasHangul(string text)
    {
        foreach (char c in text)
        {
            if (c >= '\uAC00' && c <= '\uD7A3')
            {
                return true;
            }
        }

        return false;
    }
}
